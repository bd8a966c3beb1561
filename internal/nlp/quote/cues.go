package quote

import "strings"

// cueClass says how a cue word introduces what is reported.
type cueClass int

const (
	// speech verbs: "said", "warned", "told". They take a clause, a quote
	// or (after the content) an inverted subject: "..., said Shoigu".
	speech cueClass = iota + 1
	// belief and stance verbs: "believes", "wants", "hopes". They only take
	// a following clause.
	stance
	// participle cues continue a previous attribution: ", adding that".
	participle
	// topic cues take a noun phrase after a preposition: "called for X",
	// "criticism of X", "talked about X".
	topic
)

// topicCues maps a word to the prepositions after which its content
// follows. The pairs are the frequent ones in attribution corpora.
var topicCues = func() map[string][]string {
	m := map[string][]string{}
	add := func(preps string, words ...string) {
		for _, w := range words {
			m[w] = append(m[w], strings.Fields(preps)...)
		}
	}
	add("for on", "call", "calls", "called", "calling")
	add("to", "refer", "refers", "referred", "referring", "respond", "responds", "responded",
		"responding", "response", "opposition", "attention", "point", "points", "pointed",
		"pointing", "reference", "objected", "alluded", "alluding")
	add("about", "talk", "talks", "talked", "talking", "spoke", "speaks", "speaking", "questions",
		"question", "concerns", "concern", "concerned", "worried", "worry", "worries", "doubts",
		"care", "cares", "cared", "wrote", "writes", "write", "joked", "complained", "complaining",
		"asked", "asking", "ask", "asks", "comments", "thinking", "optimistic", "pessimistic", "upset",
		"excited", "nervous", "anxious", "frustrated", "angry", "details", "words", "bragged")
	add("on", "attacks", "focus", "focused", "focuses", "focusing", "comment", "commented",
		"commenting", "position", "positions", "views", "thoughts", "reflecting", "touched",
		"weighed", "weighing", "criticism", "crackdown", "counting", "insisted", "insisting")
	add("of", "criticism", "critical", "endorsement", "endorsements", "supportive", "supporter",
		"supporters", "skeptical", "wary", "aware", "proud", "boasted", "accused", "accusing",
		"defense", "critique", "embrace", "warned", "warning", "fond", "afraid",
		"mention", "assessment", "dismissive", "approval", "disapproval", "proponent", "proponents",
		"critic", "critics", "admirer", "fan", "fans")
	add("for", "support", "advocate", "advocated", "advocating", "pushed", "pushing", "push", "praise",
		"praised", "credit", "vote", "voted", "voting", "votes", "campaign", "campaigned",
		"campaigning", "apologized", "apologize", "blamed", "enthusiasm", "passion", "pressed")
	add("against", "railed", "warned", "argued", "campaigned", "attacks", "voted", "vote",
		"lashed", "spoke", "testified", "protest", "protested", "protesting")
	add("with", "agreed", "agree", "agrees", "sided", "disagreed", "disagree", "disagrees")
	add("in", "interested", "confident", "confidence", "faith", "believe", "believes")
	add("about", "remarks", "statement", "vocal", "mused", "musing", "clear", "upbeat",
		"anxiety", "spoken", "lied", "lying", "boasting")
	add("of", "favor", "views", "view", "opinion", "enamored", "denunciation", "admiration", "accusations",
		"disdain", "distaste", "contempt", "dislike", "praising")
	add("for", "known", "vouched", "vouching", "hoping", "hoped", "preference", "advocates", "stumped",
		"cheering", "cheered", "rooting", "looking", "disdain", "distaste", "contempt", "hungry")
	add("on", "views", "opinion", "consensus", "disagree", "split", "divided", "riff", "mum")
	add("against", "out", "railing", "fulminated", "tirade", "backlash", "opted", "campaigning", "protesting", "argument")
	add("to", "opposed", "hostility", "congratulations", "objection", "objections", "commitment", "loyal")
	add("with", "pleased", "frustrated", "comfortable", "thrilled", "impressed", "disappointed", "concerned", "identify",
		"identifies", "identified", "aligned", "sides", "siding", "disagreements")
	add("as", "seen", "regarded", "described", "portrayed", "characterized", "dismissed", "branded")
	return m
}()

// objectVerbs take their content as a direct object: "endorsed Clinton".
var objectVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`endorsed endorses endorsing supported supports supporting opposed
		opposes opposing defended defends defending attacked attacking rejected rejects
		rejecting questioned questions questioning slammed slams condemned condemns welcomed
		welcomes dismissed dismisses applauded applauds embraced embraces backed backing backs
		declined refused refuses sees saw mocked mocks blasted blasts lambasted ridiculed touted
		touts hailed hails favored favors favours prefers preferred disputed disputes denounced
		denounces decried decries expressed expresses express expressing issued named discussed
		discuss discussing discusses ordered oppose challenged listed deemed nominated portrayed
		portray portraying portrays thanked thanking convinced persuaded approved presented quoted
		referenced referencing championed likened invoked documented detailing rebuked derided
		recounted credited congratulated dubbed articulated outlined outlining unveiled labeled
		blaming offered posted retweeted distanced rebuffed disavowed disavow
		citing cited lamented mentioned`) {
		m[w] = true
	}
	return m
}()

// topicCue returns the topic cue starting at word w followed by prep.
func topicCue(w, prep string) bool {
	for _, p := range topicCues[w] {
		if p == prep {
			return true
		}
	}
	return false
}

// cueLemmas maps base forms of reporting verbs to their class. Inflections
// are generated by cueForms.
var cueLemmas = map[string]cueClass{
	"say": speech, "tell": speech, "add": speech, "note": speech, "claim": speech,
	"deny": speech, "insist": speech, "state": speech, "stress": speech,
	"emphasize": speech, "emphasise": speech, "warn": speech, "accuse": speech,
	"announce": speech, "argue": speech, "suggest": speech, "write": speech,
	"ask": speech, "explain": speech, "acknowledge": speech, "admit": speech,
	"report": speech, "declare": speech, "respond": speech, "reply": speech,
	"tweet": speech, "predict": speech, "promise": speech, "vow": speech,
	"pledge": speech, "confirm": speech, "contend": speech, "maintain": speech,
	"assert": speech, "allege": speech, "complain": speech, "concede": speech,
	"conclude": speech, "recall": speech, "remark": speech, "reveal": speech,
	"indicate": speech, "mention": speech, "comment": speech, "observe": speech,
	"counter": speech, "quip": speech, "joke": speech, "boast": speech,
	"testify": speech, "caution": speech, "reiterate": speech, "repeat": speech,
	"speculate": speech, "disclose": speech, "assure": speech, "lament": speech,
	"highlight": speech, "underscore": speech, "urge": speech, "demand": speech,
	"threaten": speech, "propose": speech, "recommend": speech, "charge": speech,
	"retort": speech, "shout": speech, "yell": speech, "whisper": speech,
	"proclaim": speech, "inform": speech, "advise": speech, "tout": speech,
	"estimate": speech, "signal": speech, "acknowledged": speech, "affirm": speech,
	"point": speech, "call": speech, "shoot": speech, "fire": speech, "hit": speech, "describe": speech, "criticize": speech,
	"criticise": speech, "blame": speech, "praise": speech, "insinuate": speech,
	"show": speech, "find": speech, "continue": speech, "agree": speech,
	"cite": speech, "echo": speech, "voice": speech, "post": speech, "retweet": speech,
	"bemoan": speech, "assail": speech, "denounce": speech, "condemn": speech,
	"decry": speech, "brag": speech, "muse": speech, "opine": speech, "hint": speech,
	"remind": speech, "request": speech, "question": speech, "reject": speech,
	"dismiss": speech, "rail": speech, "blast": speech, "slam": speech, "mock": speech,
	"lash": speech, "chant": speech, "plead": speech, "attest": speech, "forecast": speech,
	"project": speech, "guarantee": speech, "clarify": speech, "elaborate": speech,
	"believe": stance, "think": stance, "want": stance, "hope": stance,
	"expect": stance, "fear": stance, "worry": stance, "feel": stance,
	"doubt": stance, "wonder": stance, "know": stance, "realize": stance,
	"understand": stance, "plan": stance, "intend": stance, "seek": stance,
	"seem": stance, "appear": stance, "recognize": stance, "remember": stance,
	"learn": stance, "consider": stance, "decide": stance, "anticipate": stance,
	"suspect": stance, "assume": stance, "prefer": stance, "refuse": stance,
	"aim": stance, "vote": stance, "offer": stance, "see": stance, "view": stance,
	"regard": stance,
}

// irregular holds past forms and participles the suffix rules get wrong.
var irregular = map[string]string{
	"said": "say", "told": "tell", "wrote": "write", "written": "write",
	"thought": "think", "felt": "feel", "knew": "know", "known": "know",
	"found": "find", "shown": "show", "sought": "seek", "understood": "understand",
	"shot": "shoot", "saw": "see", "seen": "see", "learnt": "learn", "forecast": "forecast",
}

// notCues are forms of cue lemmas that are nearly always nouns.
var notCues = map[string]bool{"state": true, "states": true, "posts": true, "citing": true, "post": true}

// ambiguousNouns are cue forms that are more often nouns; they count as
// cues only after a subject-like word, never after a determiner.
var ambiguousNouns = map[string]bool{
	"state": true, "report": true, "reports": true, "note": true, "notes": true,
	"claim": true, "claims": true, "call": true, "calls": true, "charge": true,
	"charges": true, "comment": true, "comments": true, "promise": true,
	"promises": true, "demand": true, "demands": true, "fear": true, "fears": true,
	"hope": true, "hopes": true, "plan": true, "plans": true, "signal": true,
	"signals": true, "tweet": true, "tweets": true, "point": true, "points": true,
	"counter": true, "estimate": true, "estimates": true, "show": true, "shows": true,
	"find": true, "doubt": true, "doubts": true, "joke": true, "warn": true,
	"remark": true, "remarks": true, "vow": true, "vows": true, "pledge": true,
	"pledges": true, "reply": true, "worry": true, "worries": true, "want": true,
	"stress": true, "repeat": true, "concern": true, "caution": true, "feel": true,
	"blame": true, "praise": true, "know": true, "continue": true, "seek": true,
	"mention": true, "wonder": true, "quip": true, "recall": true, "ask": true,
	"regard": true, "regards": true,
}

// cueLemma returns the lemma and class of a cue word, or "" when w is not a
// reporting verb form.
func cueLemma(word string) (string, cueClass) {
	w := strings.ToLower(word)
	if notCues[w] {
		return "", 0
	}
	if l, ok := irregular[w]; ok {
		return l, cueLemmas[l]
	}
	if c, ok := cueLemmas[w]; ok {
		return w, c
	}
	var buf [64]byte
	for _, suf := range verbEndings {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+2 {
			continue
		}
		stem := w[:len(w)-len(suf)]
		// The candidate lemmas are a base and at most one letter to
		// append ("tried" -> "try"), only built when one is a lemma.
		var bases [3]string
		var extras [3]byte // appended to the base; 0 for none
		n := 0
		switch suf {
		case "ies", "ied":
			bases[0], extras[0], n = stem, 'y', 1
		case "ing", "ed":
			bases[0], bases[1], extras[1], n = stem, stem, 'e', 2
			if k := len(stem); k > 2 && stem[k-1] == stem[k-2] {
				bases[2], n = stem[:k-1], 3
			}
		default:
			bases[0], n = stem, 1
		}
		for k := range n {
			cand := bases[k]
			var c cueClass
			var ok bool
			if extras[k] == 0 {
				c, ok = cueLemmas[cand]
			} else {
				b := append(append(buf[:0], cand...), extras[k])
				if c, ok = cueLemmas[string(b)]; ok {
					cand = string(b)
				}
			}
			if !ok {
				continue
			}
			if strings.HasSuffix(w, "ing") {
				if c != speech {
					return "", 0
				}
				return cand, participle
			}
			return cand, c
		}
	}
	return "", 0
}

// verbEndings are the regular English verb endings cueLemma strips, in
// the order it tries them.
var verbEndings = [...]string{"ies", "ied", "es", "ed", "s", "ing", "d"}

// particles complete phrasal cues: "pointed out", "called for".
var particles = map[string]string{
	"point": "out", "call": "for", "go": "on", "shoot": "back", "fire": "back", "hit": "back",
}

// needsParticle lists lemmas that are cues only with their particle.
var needsParticle = map[string]bool{"point": true, "shoot": true, "fire": true, "hit": true}

// auxiliaries and adverbs that sit between a subject and its cue verb.
var cueModifiers = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true,
	"previously": true, "reportedly": true, "then": true, "again": true,
	"once": true, "repeatedly": true, "recently": true, "publicly": true,
	"privately": true, "often": true, "never": true, "would": true, "will": true,
	"could": true, "may": true, "might": true, "did": true, "does": true, "do": true,
	"not": true, "n't": true, "already": true, "further": true, "first": true,
	"long": true, "has long": true, "frequently": true, "openly": true,
	"subsequently": true, "earlier": true, "separately": true, "flatly": true,
	"explicitly": true, "angrily": true, "bluntly": true, "simply": true,
	"just": true, "only": true, "even": true, "still": true, "always": true,
	"specifically": true, "correctly": true, "falsely": true, "wrongly": true,
	"quickly": true, "initially": true, "originally": true, "ultimately": true,
	"finally": true, "strongly": true, "clearly": true, "repeatedly has": true,
	"should": true, "must": true, "can": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "been": true, "being": true,
	"reiterated": true, "gladly": true, "proudly": true, "emphatically": true,
}
