package main

import (
	"strings"
	"testing"
)

// TestLoadWordNetFlag checks --wordnet: "" trains without WordNet, a folder without WordNet is an
// error that says how to install it, and a WordNet-layout folder gives the lexicon and the seven
// files for the manifest.
func TestLoadWordNetFlag(t *testing.T) {
	if wn, files, err := loadWordNet(""); wn != nil || files != nil || err != nil {
		t.Errorf(`loadWordNet("") = %v, %v, %v; want nothing`, wn, files, err)
	}
	dir := t.TempDir()
	_, _, err := loadWordNet(dir)
	if err == nil || !strings.Contains(err.Error(), dir+": no WordNet 3.0 here") || !strings.Contains(err.Error(), "wordnet-base") {
		t.Errorf("loadWordNet(empty folder) error = %v", err)
	}
	wn, files, err := loadWordNet("../../nlp/wordnet/testdata")
	if err != nil || wn == nil || len(files) != 7 || files[0].Name != "index.noun" || len(files[0].SHA256) != 64 {
		t.Errorf("loadWordNet(test folder) = %v, %+v, %v", wn, files, err)
	}
}
