package sqlcodec

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// DocumentDigest checks a document before it is stored and returns the
// hex SHA-256 of its raw bytes, the key documents are stored under. A
// document that gives its own SHA256 must give the right one.
func DocumentDigest(doc news.Document) (string, error) {
	if len(doc.Raw) == 0 {
		return "", fmt.Errorf("empty raw bytes: %w", news.ErrInvalidInput)
	}
	sum := sha256.Sum256(doc.Raw)
	digest := hex.EncodeToString(sum[:])
	if doc.SHA256 != "" && !strings.EqualFold(doc.SHA256, digest) {
		return "", fmt.Errorf("sha256 %s does not match raw bytes: %w", doc.SHA256, news.ErrInvalidInput)
	}
	return digest, nil
}

// RepeatedID returns the first ID that ids lists a second time, so a
// story cannot hold one article twice.
func RepeatedID(ids []int64) (int64, bool) {
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			return id, true
		}
		seen[id] = true
	}
	return 0, false
}
