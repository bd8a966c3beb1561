package news

import "time"

// Document is one raw input exactly as received. Raw bytes are stored before
// any processing so that a crash or a later model update never loses data.
type Document struct {
	ID          int64     `json:"id"`
	SourceURI   string    `json:"source_uri"`
	FetchedAt   time.Time `json:"fetched_at"`
	ContentType string    `json:"content_type"`
	SHA256      string    `json:"sha256"`
	Raw         []byte    `json:"-"`
}

// Article is the clean text and metadata extracted from a Document.
// Unknown values are nil (JSON null), never guessed.
type Article struct {
	ID          int64      `json:"id,omitempty"`
	DocumentID  int64      `json:"document_id,omitempty"`
	Source      string     `json:"source"`
	URL         *string    `json:"url"`
	Title       *string    `json:"title"`
	Byline      *string    `json:"byline"`
	Outlet      *string    `json:"outlet"`
	PublishedAt *Timestamp `json:"published_at"`
	UpdatedAt   *Timestamp `json:"updated_at"`
	Language    *string    `json:"language"`
	Text        string     `json:"text"`
	TextSHA256  string     `json:"text_sha256,omitempty"`
	Warnings    []string   `json:"warnings"`
	// FromFeedContent marks an article whose text came from a feed item's
	// embedded content because its page could not be fetched.
	FromFeedContent bool `json:"from_feed_content,omitempty"`
}

// Str returns a pointer to s, or nil when s is empty: the idiom for optional
// article fields.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Deref returns *p or "" when p is nil.
func Deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
