// Command gen writes cameo/table_gen.go, the CAMEO ontology tables of package cameo, from the
// shared data set:
//
//   - data/cameo/cameo-eventcodes-merged.tsv: event codes with CAMEO 1.1b3 names, GDELT
//     Goldstein values and QuadClass, Phoenix penta class and the CAMEO-to-PLOVER mapping;
//   - data/cameo-manual-examples/cameo-1.1b3-codebook.tsv: codes of the manual missing from the
//     merged table (name from the manual, values of the parent code);
//   - data/universalpetrarch/PETR.Internal.Coding.Ontology.txt: PETRARCH's internal code table
//     (PETRARCH-FORMATS.md §5.7), completed with Dyad's values for the CAMEO 1.1b3 codes it lacks
//     (see dyadInternal);
//   - data/cameo/cameo-1.1b3-role-codes.tsv, -international-generic-codes.tsv, -region-codes.tsv:
//     actor code chunks.
//
// Run it with "go generate ./cameo" from the repository root; it reads ../shared beside the
// repository (or $DYAD_SHARED) and writes table_gen.go in the current directory.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	root := os.Getenv("DYAD_SHARED")
	if root == "" {
		root = filepath.Join("..", "..", "shared")
	}
	src, err := generate(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cameo gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("table_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "cameo gen:", err)
		os.Exit(1)
	}
}
