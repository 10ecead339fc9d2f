package sensitivity

import "sync/atomic"

// ChunkSize is the number of draws (or design rows) in a chunk: the unit of
// work of a goroutine (package internal/parallel) and of a random stream.
// It is fixed, so that which draws share a stream never depends on the
// machine.
const ChunkSize = 4096

// Progress counts finished work (draws or model evaluations) for a progress
// display; it is safe for concurrent use. A nil *Progress counts nothing.
type Progress struct {
	done  atomic.Int64
	total atomic.Int64
}

// Done returns the work finished and the total announced so far.
func (p *Progress) Done() (done, total int64) {
	if p == nil {
		return 0, 0
	}
	return p.done.Load(), p.total.Load()
}

func (p *Progress) add(n int) {
	if p != nil {
		p.done.Add(int64(n))
	}
}

func (p *Progress) expect(n int) {
	if p != nil {
		p.total.Add(int64(n))
	}
}
