package decode

import "bytes"

// magic lists file signatures of common binary formats that end up in text
// inputs by mistake (a saved PDF, a zipped export, an image).
var magic = []struct {
	prefix []byte
	kind   string
}{
	{[]byte("%PDF-"), "PDF"},
	{[]byte("PK\x03\x04"), "ZIP"},
	{[]byte("PK\x05\x06"), "ZIP"},
	{[]byte("\x89PNG\r\n\x1a\n"), "PNG"},
	{[]byte("GIF87a"), "GIF"},
	{[]byte("GIF89a"), "GIF"},
	{[]byte("\xFF\xD8\xFF"), "JPEG"},
	{[]byte("\x1F\x8B"), "gzip"},
	{[]byte("BZh"), "bzip2"},
	{[]byte("\xFD7zXZ\x00"), "xz"},
	{[]byte("7z\xBC\xAF\x27\x1C"), "7z"},
	{[]byte("Rar!\x1A\x07"), "RAR"},
	{[]byte("\x7FELF"), "ELF"},
	{[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "OLE (legacy Office)"},
	{[]byte("SQLite format 3\x00"), "SQLite"},
	{[]byte("\x28\xB5\x2F\xFD"), "zstd"},
}

// magicKind names the binary format raw starts with, or "" for none.
// WebP and other RIFF containers are checked separately because their
// signature has a length field in the middle.
func magicKind(raw []byte) string {
	for _, m := range magic {
		if bytes.HasPrefix(raw, m.prefix) {
			if m.kind == "bzip2" && !isBzip2(raw) {
				continue
			}
			return m.kind
		}
	}
	if len(raw) >= 12 && bytes.HasPrefix(raw, []byte("RIFF")) && bytes.Equal(raw[8:12], []byte("WEBP")) {
		return "WebP"
	}
	return ""
}

// isBzip2 confirms the "BZh" signature with its block size digit and block
// magic, since plain text may well start with "BZh".
func isBzip2(raw []byte) bool {
	return len(raw) >= 10 && raw[3] >= '1' && raw[3] <= '9' && bytes.Equal(raw[4:10], []byte("\x31\x41\x59\x26\x53\x59"))
}
