package resolve

import (
	"sort"
	"strings"
)

// platforms are online platforms news cites as places of speech ("said on
// Twitter", "posted on Facebook"). The tagger learned from 1990s newswire
// and reads them as places or misses them; they are organisations.
var platforms = []string{
	"Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "WhatsApp",
	"Reddit", "LinkedIn", "Snapchat", "Truth Social", "Bluesky", "Weibo", "WeChat",
	"Mastodon", "Substack", "Twitch", "Discord", "VKontakte",
}

// platformNames re-types the tagger's names that are platforms as ORG and
// adds the platform names it missed, at word boundaries; a platform inside
// a longer name ("Twitter Inc.") keeps the longer name.
func platformNames(text string, names []Name) []Name {
	for i, n := range names {
		if n.Type != "ORG" && isPlatform(text[n.Start:n.End]) {
			names[i].Type = "ORG"
		}
	}
	added := false
	for _, p := range platforms {
		for from := 0; ; {
			i := strings.Index(text[from:], p)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(p)
			from = e
			if !isWordBoundary(text, s, e) || covered(names, s, e) {
				continue
			}
			names = append(names, Name{Start: s, End: e, Type: "ORG"})
			added = true
		}
	}
	if added {
		sort.SliceStable(names, func(i, j int) bool { return names[i].Start < names[j].Start })
	}
	return names
}

func isPlatform(s string) bool {
	s = stripPossessive(s)
	for _, p := range platforms {
		if s == p {
			return true
		}
	}
	return false
}
