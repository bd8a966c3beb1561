package news

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity types used by the NER tagger and entity resolution.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Kind is "name", "pronoun", "nominal" or "demonym".
	Kind string `json:"kind,omitempty"`
}

// Role is a title or function attributed to an entity, with its evidence.
type Role struct {
	Title      string `json:"title"`
	Normalized string `json:"normalized"`
	Former     bool   `json:"former,omitempty"`
	Org        string `json:"org,omitempty"`
	Country    string `json:"country,omitempty"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

// Entity is one real-world referent within an article. ID is a canonical,
// cross-article key (e.g. "per:sergei_shoigu"), stable for the same referent.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Aliases  []string  `json:"aliases"`
	Mentions []Mention `json:"mentions"`
	Roles    []Role    `json:"roles"`
	// Refers is the canonical ID this entity stands for when used as a
	// metonym or demonym ("Moscow" -> "gov:russia", "Russian" -> "loc:russia").
	Refers string `json:"refers,omitempty"`
}

// Timex is a temporal expression normalised to a TIMEX3-style value.
type Timex struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"` // DATE, TIME, DURATION, SET
	Value string `json:"value"`
}

// Speaker identifies who a quote is attributed to.
type Speaker struct {
	EntityID string `json:"entity_id"`
	Name     string `json:"name"`
}

// Quote is direct or reported speech with its speaker and reporting chain.
type Quote struct {
	Text         string   `json:"text"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Direct       bool     `json:"direct"`
	Speaker      *Speaker `json:"speaker"`
	SpeakerStart int      `json:"speaker_start"`
	SpeakerEnd   int      `json:"speaker_end"`
	Cue          string   `json:"cue"`
	Via          []string `json:"via"`
}

// Citation is an article-level mention of a source the article relies on
// ("according to TASS", a "/TASS/" dateline, an "— AFP" sign-off).
type Citation struct {
	Source string `json:"source"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Event is a who-did-what-to-whom proposition read from one sentence.
// Start and End are the cue ("agreed", "held talks"); the actor and target
// spans are the mentions they were read from, and their IDs the entities'
// (empty for an unnamed agent such as "police").
type Event struct {
	Sentence   Span   `json:"sentence"`
	Actor      string `json:"actor"`
	ActorID    string `json:"actor_id,omitempty"`
	ActorSpan  *Span  `json:"actor_span,omitempty"`
	Action     string `json:"action"` // PLOVER category
	Cue        string `json:"cue"`
	Negated    bool   `json:"negated,omitempty"`
	Target     string `json:"target"`
	TargetID   string `json:"target_id,omitempty"`
	TargetSpan *Span  `json:"target_span,omitempty"`
	Date       string `json:"date"`
	Location   string `json:"location"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

// Annotations is everything the read stage derives from an article's text.
type Annotations struct {
	Sentences []Span     `json:"sentences"`
	Entities  []Entity   `json:"entities"`
	Timexes   []Timex    `json:"timexes"`
	Quotes    []Quote    `json:"quotes"`
	Citations []Citation `json:"citations"`
	Events    []Event    `json:"events"`
	// EventDate is the resolved day the article's main event happened
	// ("2024-11-25"), or "" when unknown.
	EventDate string `json:"event_date,omitempty"`
	// NotRead says which stages did not run and why, "" when all ran (an
	// article in a language the models do not read).
	NotRead string `json:"not_read,omitempty"`
}
