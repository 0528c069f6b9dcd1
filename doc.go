// Package dyad is the public face of Dyad for Go programs: a Pipeline built once from options
// (dictionaries, workers) that codes stories into CAMEO events — segmenting, tagging and parsing
// the text with the embedded model, then coding each sentence with the dictionaries — exactly
// as the `dyad code` command does.
package dyad
