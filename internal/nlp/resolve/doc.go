// Package resolve groups the named-entity spans of one article into
// entities: it links short names, possessives, pronouns and nominal mentions
// ("the minister") to the person they refer to, gives every entity a
// canonical cross-article ID ("per:sergei_shoigu", "loc:united_states"), and
// marks demonyms ("Russian" -> "loc:russia") and capitals used as actors
// ("Moscow supports" -> "gov:russia").
//
// It is a pure stage: text, sentence spans and NER spans in, entities out.
// The NER tagger is not imported; callers pass its spans as [Name] values.
package resolve
