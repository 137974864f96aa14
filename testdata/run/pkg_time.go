// time: Duration (constants, String, conversions, Round, Truncate, Abs,
// ParseDuration), Time from Unix/Date in UTC and fixed zones (fields,
// Add/Sub/AddDate, comparisons, Truncate/Round, Format/Parse with standard
// layouts, Weekday/Month/YearDay/ISOWeek), Now/Since/Until/Sleep only as
// ordering checks, timers (After, NewTimer+Stop, AfterFunc, Ticker) in
// selects.
package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, time.Microsecond, 1500 * time.Microsecond, time.Second, 90 * time.Minute,
		-2*time.Hour - 3*time.Millisecond, 1<<63 - 1, -1 << 63, 100*time.Hour + 59*time.Second + 1}
	for _, d := range ds {
		fmt.Println(d, d.String(), int64(d), d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	}
	d := 1*time.Hour + 15*time.Minute + 30*time.Second + 918273645
	for _, m := range []time.Duration{0, 1, 2, time.Microsecond, time.Millisecond, time.Second, 2 * time.Second, time.Minute, 10 * time.Minute, time.Hour, -5} {
		fmt.Println(m, d.Round(m), d.Truncate(m))
	}
	fmt.Println(time.Duration(-5).Abs(), time.Duration(-1<<63).Abs(), (1<<63 - 1) * time.Duration(1))
	for _, s := range []string{"300ms", "-1.5h", "2h45m", "1µs", "1us", ".5s", "1h1h", "", "3", "1x", "9223372036854775808ns"} {
		v, err := time.ParseDuration(s)
		fmt.Println(v, err)
	}
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)

	t := time.Unix(1700000000, 123456789).UTC()
	fmt.Println(t)
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Weekday(), t.YearDay())
	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Unix(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())
	fmt.Println(t.Format(time.RFC3339), t.Format(time.RFC3339Nano), t.Format(time.RFC1123), t.Format(time.Kitchen))
	fmt.Println(t.Format("2006-01-02 15:04:05.000 Mon Jan _2 MST -0700"), t.Format(time.ANSIC), t.Format(time.DateTime))
	t2 := t.Add(36*time.Hour + 5*time.Second)
	fmt.Println(t2, t2.Sub(t), t.Sub(t2), t2.After(t), t2.Before(t), t.Equal(t), t.Compare(t2))
	fmt.Println(t.AddDate(0, 1, 30), t.AddDate(-1, -11, 0), t.Truncate(time.Hour), t.Round(time.Hour), t.Round(24*time.Hour))
	est := time.FixedZone("EST", -5*3600)
	te := t.In(est)
	fmt.Println(te, te.Location(), te.Equal(t), te == t)
	name, off := te.Zone()
	fmt.Println(name, off)
	dt := time.Date(2024, time.February, 29, 23, 59, 59, 999999999, time.UTC)
	fmt.Println(dt, dt.Add(time.Nanosecond), dt.AddDate(1, 0, 0), dt.Weekday(), dt.YearDay())
	fmt.Println(time.Date(2023, 13, 35, 25, 61, 61, 0, time.UTC))
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), t.IsZero())
	for _, m := range []time.Month{1, 6, 12, 13} {
		fmt.Print(m, " ")
	}
	for _, wd := range []time.Weekday{0, 3, 6, 7} {
		fmt.Print(wd, " ")
	}
	fmt.Println()
	for _, c := range [][2]string{
		{time.RFC3339, "2021-06-15T12:30:45Z"},
		{time.RFC3339, "2021-06-15T12:30:45.5+02:00"},
		{"2006-01-02", "2021-13-01"},
		{"Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (UTC)"},
		{time.DateOnly, "2000-02-30"},
		{time.Kitchen, "bad"},
	} {
		p, err := time.Parse(c[0], c[1])
		fmt.Println(p, err)
	}
	loc, err := time.LoadLocation("UTC")
	fmt.Println(loc, err)
	_, err = time.LoadLocation("No/Such_Zone")
	fmt.Println(err)
	b, _ := t.MarshalText()
	fmt.Println(string(b))
	fmt.Printf("%v %s %d\n", 2*time.Second, time.Minute, time.Millisecond)

	start := time.Now()
	time.Sleep(2 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 2*time.Millisecond, time.Until(start) < 0, time.Now().After(start), start.Before(time.Now()))
	fmt.Println(time.Now().Sub(start) > 0, start.Round(0).Equal(start), time.Now().Year() >= 2024)

	done := make(chan string)
	go func() {
		time.Sleep(5 * time.Millisecond)
		done <- "worker"
	}()
	select {
	case s := <-done:
		fmt.Println(s)
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
	select {
	case <-done:
		fmt.Println("unexpected")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out")
	}
	tm := time.NewTimer(time.Hour)
	fmt.Println(tm.Stop(), tm.Stop())
	fired := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { fired <- true })
	fmt.Println(<-fired)
	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
}
