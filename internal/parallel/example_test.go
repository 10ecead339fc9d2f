package parallel_test

import (
	"context"
	"fmt"
	"math/rand/v2"

	"simulate/internal/parallel"
)

// Random draws in fixed chunks, each chunk from its own stream: the same
// numbers on any number of cores.
func ExampleForChunks() {
	const n, size, seed = 10, 4, 42
	draws := make([]float64, n)
	err := parallel.ForChunks(context.Background(), n, size,
		func() *rand.PCG { return rand.NewPCG(0, 0) }, // one generator per goroutine
		func(src *rand.PCG, c parallel.Chunk) error {
			src.Seed(seed, uint64(c.Index)) // the chunk's stream
			r := rand.New(src)
			for i := c.Lo; i < c.Hi; i++ {
				draws[i] = r.Float64() // only this chunk's slots
			}
			return nil
		})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.3f\n", draws)
	// Output:
	// [0.253 0.545 0.130 0.266 0.820 0.069 0.339 0.878 0.452 0.216]
}
