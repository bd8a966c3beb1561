package timex

import "strings"

// Every timex contains at least one trigger word: a month, weekday, unit,
// number or deictic word. Rules only run in windows around triggers, which
// keeps the regular expressions off most of the text.
var triggerWords = setOf(`jan january feb february mar march apr april may jun june jul july aug
august sep sept september oct october nov november dec december
mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
mondays tuesdays wednesdays thursdays fridays saturdays sundays
second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight
fortnights month months quarter quarters year years decade decades century centuries millennium millennia
today yesterday tomorrow tonight now soon currently nowadays current recently lately presently present moment
past future term date morning afternoon evening overnight noon midnight midday
spring summer fall autumn winter daily weekly monthly annually yearly hourly nightly biweekly
semiannually bimonthly christmas easter thanksgiving halloween period half formerly
nineteen twenties thirties forties fifties sixties seventies eighties nineties`)

// windowReach is how far a timex may extend either side of its trigger.
const windowReach = 90

// triggerWindows returns the merged byte ranges around trigger words,
// widened to word boundaries.
func triggerWindows(text string) [][2]int {
	var windows [][2]int
	i := 0
	for i < len(text) {
		if !isAlnum(text[i]) {
			i++
			continue
		}
		j := i
		digit := false
		for j < len(text) && isAlnum(text[j]) {
			digit = digit || text[j] >= '0' && text[j] <= '9'
			j++
		}
		if digit || triggerWords[strings.ToLower(text[i:j])] {
			from, to := max(0, i-windowReach), min(len(text), j+windowReach)
			for from > 0 && isAlnum(text[from-1]) {
				from--
			}
			for to < len(text) && isAlnum(text[to]) {
				to++
			}
			if n := len(windows); n > 0 && from <= windows[n-1][1] {
				windows[n-1][1] = max(windows[n-1][1], to)
			} else {
				windows = append(windows, [2]int{from, to})
			}
		}
		i = j
	}
	return windows
}
