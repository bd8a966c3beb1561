package ner

// The decoder scores BILOU labels (Ratinov & Roth 2009): a name's first
// (B), inner (I) and last (L) tokens and single-token names (U) get their
// own weights, which reads name boundaries better than IOB2. The tagger
// still returns IOB2 tags.

// Labels are the BILOU labels the decoder scores, in weight-column order:
// O, then B, I, L, U of each entity type.
var Labels = func() []string {
	out := []string{"O"}
	for _, t := range entityTypes {
		for _, k := range "BILU" {
			out = append(out, string(k)+"-"+t)
		}
	}
	return out
}()

// numLabels is len(Labels): O and four kinds of each of four types.
const numLabels = 1 + 4*4

// Label kinds within a type's block of four.
const (
	kindB = iota
	kindI
	kindL
	kindU
)

// labelOf is the label index of kind k of entity type ti.
func labelOf(ti, k int) int { return 1 + 4*ti + k }

// kindOf and typeOf split a label index other than O.
func kindOf(l int) int { return (l - 1) % 4 }
func typeOf(l int) int { return (l - 1) / 4 }

// allowed reports whether label cur may follow label prev (prev ==
// numLabels is the sentence start): I and L only continue a B or I of
// their type; O, B and U only follow the end of a name or O.
func allowed(prev, cur int) bool {
	closed := prev == numLabels || prev == 0 || kindOf(prev) == kindL || kindOf(prev) == kindU
	if cur == 0 || kindOf(cur) == kindB || kindOf(cur) == kindU {
		return closed
	}
	return !closed && typeOf(prev) == typeOf(cur)
}

// canEnd reports whether a sentence may end on label l.
func canEnd(l int) bool { return l == 0 || kindOf(l) == kindL || kindOf(l) == kindU }

// iob2Tags are the IOB2 tags of each label.
var iob2Tags = func() []string {
	out := make([]string, numLabels)
	out[0] = "O"
	for l := 1; l < numLabels; l++ {
		p := "B-"
		if k := kindOf(l); k == kindI || k == kindL {
			p = "I-"
		}
		out[l] = p + entityTypes[typeOf(l)]
	}
	return out
}()

// IOB2 converts a decoded label path to IOB2 tags.
func IOB2(path []int) []string {
	tags := make([]string, len(path))
	for i, l := range path {
		tags[i] = iob2Tags[l]
	}
	return tags
}

// EncodeIOB2 converts IOB2 tags to label indices; unknown tags and stray
// I- tags are read as O and B- respectively.
func EncodeIOB2(tags []string) []int {
	out := make([]int, len(tags))
	for i, tag := range tags {
		if len(tag) < 3 {
			continue
		}
		ti := typeIndex(tag[2:])
		if ti < 0 {
			continue
		}
		inside := tag[0] == 'I' && i > 0 && out[i-1] != 0 && typeOf(out[i-1]) == ti
		more := i+1 < len(tags) && tags[i+1] == "I-"+tag[2:]
		k := kindB
		switch {
		case inside && more:
			k = kindI
		case inside:
			k = kindL
		case !more:
			k = kindU
		}
		out[i] = labelOf(ti, k)
	}
	return out
}
