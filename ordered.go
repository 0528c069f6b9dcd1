package dyad

import "sync"

// ordered applies work to every item produced by next, with the given number of concurrent
// workers, and calls emit with the results in the order the items were produced (Dyad's output
// is deterministic whatever the number of workers; ARCHITECTURE.md "Decisions already made").
// At most about 4×workers items are in flight, so memory stays bounded on long streams.
// It returns when next reports no more items and every result has been emitted, or early with
// the first error emit returns (the remaining items are then drained and not emitted).
func ordered[T, R any](workers int, next func() (T, bool), work func(T) R, emit func(R) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		item T
		out  chan R
	}
	jobs := make(chan job)
	pending := make(chan chan R, 4*workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- work(j.item)
			}
		}()
	}
	go func() {
		for {
			item, ok := next()
			if !ok {
				break
			}
			out := make(chan R, 1)
			pending <- out
			jobs <- job{item, out}
		}
		close(jobs)
		close(pending)
	}()
	var firstErr error
	for out := range pending {
		r := <-out
		if firstErr == nil {
			firstErr = emit(r)
		}
	}
	wg.Wait()
	return firstErr
}
