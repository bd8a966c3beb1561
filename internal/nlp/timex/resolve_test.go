package timex

import "testing"

// TestResolve covers how relative and underspecified expressions resolve
// against the anchor: one expression per case, checked by text and value.
func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		anchor string
		text   string
		want   string // the timex text
		value  string
	}{
		{"past day before the anchor stays in its year", "1989-11-01",
			"It had revenue of $76 million for the year ended March 31.", "March 31", "1989-03-31"},
		{"participle after be takes no tense", "1989-10-26",
			"The dividend would be paid on a date in January to holders.", "January", "1990-01"},
		{"month nearest the anchor without tense", "1989-10-30",
			"A program to pay down the loan by February.", "February", "1990-02"},
		{"a year ago in an earnings report is the year-ago quarter", "1989-10-26",
			"Third-quarter sales dropped 11% to $1.27 billion from $1.43 billion a year ago.", "a year ago", "1988-Q3"},
		{"a year earlier follows the quarter last named", "1989-10-26",
			"For the fiscal first quarter of 1990, it lost $2 million. Sales were $348 million a year earlier.", "a year earlier", "1989-Q1"},
		{"a year ago without quarters is the year", "1998-02-06",
			"The gain left wages 3.8 percent higher than a year earlier.", "a year earlier", "1997"},
		{"the next month stays in the anchor year under past tense", "1999-02-10",
			"NATO planned to admit Poland in early March, an official said.", "early March", "1999-03"},
		{"a month after the anchor in past tense is last year's", "2000-01-06",
			"The boy was found in late November.", "late November", "1999-11"},
		{"until with the past perfect is a day gone", "1999-05-07",
			"Until Thursday, they had not called him a suspect.", "Thursday", "1999-05-06"},
		{"until alone points ahead", "2000-03-30",
			"Officials postponed until Tuesday any action on the case.", "Tuesday", "2000-04-04"},
		{"what was planned may lie ahead", "2000-01-07",
			"Protesters planned a large demonstration on Saturday and were planning to drive around the airport.", "Saturday", "2000-01-08"},
		{"since names a time gone", "1990-08-13",
			"The carrier has been on patrol since March and was scheduled to return.", "March", "1990-03"},
		{"as soon as points ahead", "2000-04-03",
			"They would be ready to leave as soon as Tuesday, Castro said.", "Tuesday", "2000-04-04"},
		{"is to points ahead", "1989-10-27",
			"The stock is being traded in London and is to resume trading in Paris Tuesday.", "Tuesday", "1989-10-31"},
		{"a year-ago compound is not the year", "1989-11-01",
			"Third-quarter profit rose. The year-ago results included a gain.", "year-ago", "1988-Q3"},
		{"a year and a quarter word name the reported quarter", "1989-11-01",
			"There was a one-time gain in the 1988 quarter.", "the 1988 quarter", "1988-Q3"},
		{"this past season already over is this year's", "1989-10-30",
			"The strike began this past spring.", "this past spring", "1989-SP"},
		{"last season is last year's", "1989-10-26",
			"The strike began last spring.", "last spring", "1988-SP"},
		{"the year ended a date is twelve months", "1989-11-01",
			"It earned $76 million for the year ended Sept. 30.", "the year", "P1Y"},
		{"the year alone is the anchor year", "1989-11-01",
			"Sales for the full year were $6.6 billion.", "the full year", "1989"},
		{"a weekday named by its event is past", "2000-01-07",
			"They would look for ways to get around Wednesday's ruling.", "Wednesday", "2000-01-05"},
		{"could is the past of can", "2000-01-06",
			"Neither he nor the grandparents could be located Wednesday in their hometown.", "Wednesday", "2000-01-05"},
		{"a spoken year", "1998-02-23",
			"That was the level we saw in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"},
		{"a spoken year after a month", "1998-02-27",
			"January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "1997-01"},
		{"the year two thousand", "1998-02-05",
			"His promise to halve unemployment by the year two thousand was dropped.", "the year two thousand", "2000"},
		{"an -ed word after a determiner is an adjective", "1989-10-26",
			"The dividend would be paid on a still unspecified date in January.", "January", "1990-01"},
		{"next to is a place, not the future", "1998-08-08",
			"More than 100 people have been killed in the blasts next to the embassies on Friday.", "Friday", "1998-08-07"},
		{"the following year counts from the date last named", "1998-04-18",
			"On May 22, 1995, he was made a general, and the following year he was appointed attache.", "the following year", "1996"},
		{"later that year is the year last named", "2000-01-28",
			"She fled to Florida in June 1998 and returned to Cuba later that year.", "later that year", "1998"},
		{"that same day after a month is a day of that month", "1999-02-06",
			"He was shot last October. His name was crossed out that same day.", "that same day", "1998-10-XX"},
		{"a holiday week is the week holding it, begun or not", "2000-04-17",
			"Protesters prayed as Easter week began.", "Easter week", "2000-W16"},
		{"Easter moves with the moon", "1999-03-01",
			"He will return after Easter.", "Easter", "1999-04-04"},
		{"Good Friday is two days before Easter", "2000-03-01",
			"They met on Good Friday 1998.", "Good Friday 1998", "1998-04-10"},
		{"a year-ago quarter is not the one reported on", "1989-11-01",
			"Profit rose in the third quarter from the year-ago quarter. The year-ago results were restated.", "year-ago", "1988-Q3"},
		{"overnight is the night before the day told of", "1989-10-30",
			"Shares closed lower Friday, depressed by overnight losses in New York.", "overnight", "1989-10-26TNI"},
		{"the previous Friday is the one before the day last named", "1989-10-30",
			"On Friday the index fell 4.5% from the previous Friday.", "the previous Friday", "1989-10-20"},
		{"the following Tuesday is the one after the day last named", "1989-10-30",
			"He left on Oct. 3 and came back the following Tuesday.", "the following Tuesday", "1989-10-10"},
		{"a quarter is dated by the day it ended", "1989-10-30",
			"In the quarter ended July 31, sales rose.", "the quarter", "1989-Q2"},
		{"a quarter-century is no reporting quarter", "1998-02-06",
			"The rate is just above its quarter-century low. Wages were 3.8 percent higher than a year earlier.", "a year earlier", "1997"},
		{"the quarter a year ago is that quarter of the year before", "1989-10-26",
			"Profit rose in the third quarter. For the quarter a year ago, it reported a loss.", "the quarter a year ago", "1988-Q3"},
		{"the comparable year-ago quarter is one timex", "1989-10-27",
			"In the comparable year-ago quarter, it had a loss.", "the comparable year-ago quarter", "1988-Q3"},
		{"the verb before a timex outweighs a participle after it", "1998-02-13",
			"Qantas will double its flights by August in the search for markets untouched by the crisis.", "August", "1998-08"},
		{"the next morning after a weekday", "2000-02-24",
			"He was arrested on Tuesday and appeared in court the next morning.", "the next morning", "2000-02-23TMO"},
		{"the next day without a date named counts from the anchor", "2000-02-24",
			"He will appear in court the next day.", "the next day", "2000-02-25"},
		{"over the weekend is the one just gone", "1997-04-01",
			"He refused to comment on reports over the weekend that Jiang would offer the post.", "the weekend", "1997-W13-WE"},
		{"a participial clause takes no tense from the main clause", "2018-12-20",
			"The House will send the bill to the Senate after voting 300-100 to override the veto Wednesday afternoon.", "Wednesday afternoon", "2018-12-19TAF"},
		{"a fronted participial clause takes no tense from the main clause", "2018-12-20",
			"After voting to override the veto Wednesday afternoon, the House will take up the budget.", "Wednesday afternoon", "2018-12-19TAF"},
		{"a future month-day early next year goes forward", "2018-12-23",
			"Smith, who has run the agency since 2014, will be leaving on January 1, the company said.", "January 1", "2019-01-01"},
		{"a reporting clause does not set the tense of the report", "2018-12-23",
			"The ban will take effect on January 1, officials said.", "January 1", "2019-01-01"},
		{"an agreed infinitive is not in the past", "1989-10-30",
			"Thermo Electron agreed to acquire the line for $22 million in February.", "February", "1990-02"},
		{"a present passive is not past", "2000-03-29",
			"They may lose the fight when the case is heard in May in the appeals court.", "May", "2000-05"},
		{"is scheduled to points ahead", "1989-11-02",
			"The purchase is scheduled to close Monday.", "Monday", "1989-11-06"},
		{"a plan in the past perfect is past", "1989-10-30",
			"The offer had been due to expire Friday evening.", "Friday evening", "1989-10-27TEV"},
		{"a part of day before a relative day", "1989-11-02",
			"In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "1989-11-01TAF"},
		{"mid afternoon after a preposition", "1998-03-06",
			"By mid afternoon, the operation was over.", "mid afternoon", "1998-03-06TAF"},
		{"an aside in brackets takes the tense of the clause it glosses", "2000-04-05",
			"This father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.", "4 a.m. EDT Thursday", "2000-04-06T04:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, anchorAt(tt.anchor))
			for _, g := range got {
				if g.Text == tt.want {
					if g.Value != tt.value {
						t.Errorf("%q = %s, want %s", g.Text, g.Value, tt.value)
					}
					return
				}
			}
			t.Errorf("Find(%q) = %+v, no %q", tt.text, got, tt.want)
		})
	}
}
