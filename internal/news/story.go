package news

import "time"

// Story groups the articles that report one real-world event.
type Story struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	EventDate string    `json:"event_date,omitempty"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	// ArticleIDs lists members in arrival order.
	ArticleIDs []int64 `json:"article_ids"`
	// Sources counts independent sources: copies of another member don't count.
	Sources int `json:"sources"`
}

// Copy records that an article is a (near-)duplicate of an earlier one.
type Copy struct {
	ArticleID int64   `json:"article_id"`
	CopyOf    int64   `json:"copy_of"`
	Score     float64 `json:"score"`
}

// Feed is a subscribed RSS/Atom/JSON feed and its polling state.
type Feed struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	NextPollAt   time.Time `json:"next_poll_at"`
	ErrorCount   int       `json:"error_count"`
	LastError    string    `json:"last_error,omitempty"`
	Paused       bool      `json:"paused"`
	PausedReason string    `json:"paused_reason,omitempty"`
}
