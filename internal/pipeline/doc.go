// Package pipeline runs Parallax's stages in order for one input: store the
// raw bytes, extract articles, read them, and assign them to stories. The
// stages themselves are pure packages; this package sequences them around a
// store so that a crash at any point can be resumed by running the same
// input again.
package pipeline
