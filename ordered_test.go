package dyad

import (
	"errors"
	"testing"
	"time"
)

func TestOrderedKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		i := 0
		next := func() (int, bool) { i++; return i, i <= 200 }
		var got []int
		err := ordered(workers, next, func(n int) int {
			time.Sleep(time.Duration(n%7) * 50 * time.Microsecond) // finish out of order
			return n * n
		}, func(r int) error { got = append(got, r); return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 200 {
			t.Fatalf("workers=%d: %d results", workers, len(got))
		}
		for k, r := range got {
			if r != (k+1)*(k+1) {
				t.Fatalf("workers=%d: result %d = %d, want %d", workers, k, r, (k+1)*(k+1))
			}
		}
	}
}

func TestOrderedStopsEmittingAfterError(t *testing.T) {
	i := 0
	next := func() (int, bool) { i++; return i, i <= 50 }
	n := 0
	stop := errors.New("stop")
	err := ordered(4, next, func(n int) int { return n }, func(r int) error {
		n++
		if r == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Fatalf("err=%v after %d emits", err, n)
	}
}
