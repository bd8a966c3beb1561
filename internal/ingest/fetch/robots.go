package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

const (
	robotsMaxBytes = 512 << 10 // Google reads the first 500 KiB
	robotsMaxRules = 4096
	robotsRetryTTL = 5 * time.Minute // after a network or 5xx failure
)

// robotsRules are the rules of robots.txt that apply to our agent.
type robotsRules struct {
	rules      []robotsRule
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	length  int // pattern length: the longest match wins
	pattern *regexp.Regexp
}

// allowed applies RFC 9309: the longest matching rule decides, Allow wins a
// tie, and no matching rule means allowed.
func (r *robotsRules) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if rule.length < best || !rule.pattern.MatchString(path) {
			continue
		}
		if rule.length > best || rule.allow {
			best, allow = rule.length, rule.allow
		}
	}
	return allow
}

// parseRobots reads a robots.txt body and keeps the groups for agent: the
// groups naming it, or else the "*" groups.
func parseRobots(body []byte, agent string) *robotsRules {
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	lastWasAgent := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes)
	rules := 0
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if cur == nil || !lastWasAgent {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			lastWasAgent = true
			continue
		case "allow", "disallow":
			if cur != nil && value != "" && rules < robotsMaxRules {
				if re := compileRobotsPattern(value); re != nil {
					cur.rules = append(cur.rules, robotsRule{allow: key == "allow", length: len(value), pattern: re})
					rules++
				}
			}
		case "crawl-delay":
			if cur != nil {
				if secs, err := strconv.ParseFloat(value, 64); err == nil && secs > 0 {
					cur.delay = time.Duration(min(secs, maxCrawlDelay.Seconds()) * float64(time.Second))
				}
			}
		}
		lastWasAgent = false
	}
	pick := func(match func(string) bool) *robotsRules {
		var out *robotsRules
		for _, g := range groups {
			for _, a := range g.agents {
				if match(a) {
					if out == nil {
						out = &robotsRules{}
					}
					out.rules = append(out.rules, g.rules...)
					out.crawlDelay = max(out.crawlDelay, g.delay)
					break
				}
			}
		}
		return out
	}
	if r := pick(func(a string) bool { return a != "*" && a != "" && strings.Contains(agent, a) }); r != nil {
		return r
	}
	if r := pick(func(a string) bool { return a == "*" }); r != nil {
		return r
	}
	return &robotsRules{}
}

// compileRobotsPattern turns a path pattern with * and a final $ into a
// regexp anchored at the start of the path.
func compileRobotsPattern(pattern string) *regexp.Regexp {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	var sb strings.Builder
	sb.WriteString("^")
	for i, part := range strings.Split(pattern, "*") {
		if i > 0 {
			sb.WriteString(".*")
		}
		sb.WriteString(regexp.QuoteMeta(part))
	}
	if anchored {
		sb.WriteString("$")
	}
	re, err := regexp.Compile(sb.String())
	if err != nil {
		return nil
	}
	return re
}

// robotsCache keeps one robots.txt per scheme and host.
type robotsCache struct {
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]*robotsEntry
}

type robotsEntry struct {
	mu      sync.Mutex
	rules   *robotsRules
	expires time.Time
}

func newRobotsCache(ttl time.Duration) *robotsCache {
	return &robotsCache{ttl: ttl, entries: map[string]*robotsEntry{}}
}

// get returns the cached rules for target's host, fetching robots.txt when
// missing or stale. A missing robots.txt (4xx) allows everything; a network
// failure or 5xx also allows, but is retried sooner.
func (c *robotsCache) get(ctx context.Context, f *Fetcher, target *url.URL) *robotsRules {
	key := strings.ToLower(target.Scheme + "://" + target.Host)
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		e = &robotsEntry{}
		c.entries[key] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	now := time.Now()
	if e.rules != nil && now.Before(e.expires) {
		return e.rules
	}
	robotsURL := &url.URL{Scheme: target.Scheme, Host: target.Host, Path: "/robots.txt"}
	resp, err := f.do(ctx, robotsURL, Request{}, robotsMaxBytes)
	var status *StatusError
	switch {
	case err == nil:
		e.rules, e.expires = parseRobots(resp.Body, f.agentToken()), now.Add(c.ttl)
	case errors.As(err, &status) && status.Status < 500, errors.Is(err, ErrTooLarge):
		e.rules, e.expires = &robotsRules{}, now.Add(c.ttl)
	default:
		if !errors.Is(err, news.ErrInvalidInput) {
			slog.Debug("robots.txt unavailable", "url", robotsURL.String(), "err", err)
		}
		e.rules, e.expires = &robotsRules{}, now.Add(robotsRetryTTL)
	}
	return e.rules
}
