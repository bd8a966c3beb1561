package quote

// CueClass classifies a word as a reporting cue of the rule lexicon: 0
// for none, else the cue's class (speech, stance, participle, topic). The
// learned tagger reads it as a feature.
func CueClass(word string) int {
	_, c := cueLemma(word)
	if c == 0 {
		if _, ok := topicCues[word]; ok {
			return int(topic)
		}
	}
	return int(c)
}
