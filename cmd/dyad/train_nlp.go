package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/model"
	"github.com/dyad-events/dyad/nlp/parser"
	"github.com/dyad-events/dyad/nlp/tagger"
	"github.com/dyad-events/dyad/nlp/train"
	"github.com/dyad-events/dyad/nlp/wordnet"
	"github.com/dyad-events/dyad/story"
)

type trainFlags struct {
	train, dev, out string
	epochs          int
	stack           int
	minUpd          int
	seed            uint64
	wordnet         string
}

func (f *trainFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.train, "train", "", "training treebank (CoNLL-U) (required)")
	c.Flags().StringVar(&f.dev, "dev", "", "development treebank (CoNLL-U), scored after every epoch to pick the best one (required)")
	c.Flags().StringVar(&f.out, "out", "", "model file to write (gzip-compressed; its folder must exist and be writable)")
	c.Flags().IntVar(&f.epochs, "epochs", 0, "training epochs, at least 1 (default: the model's own, 10 for the tagger and 15 for the parser)")
	c.Flags().Uint64Var(&f.seed, "seed", 1, "shuffling seed; the same seed and data give the same model")
}

func (f *trainFlags) check(cmd *cobra.Command) error {
	if f.train == "" || f.dev == "" || f.out == "" {
		return usagef("--train, --dev and --out are required")
	}
	if cmd.Flags().Changed("epochs") && f.epochs < 1 {
		return usagef("--epochs %d: want at least 1", f.epochs)
	}
	return checkWritable(f.out, false)
}

// checkWritable fails when path (a file to write, or a folder to write into when dir is true)
// cannot be written, so that a long training run does not end in a write error. It creates and
// removes a probe file; an existing file at path is left alone.
func checkWritable(path string, dir bool) error {
	folder := path
	if !dir {
		folder = filepath.Dir(path)
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return fmt.Errorf("--out %s: is a folder, want a file name", path)
		}
	}
	st, err := os.Stat(folder)
	if err != nil {
		return fmt.Errorf("--out %s: %w", path, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("--out %s: %s is not a folder", path, folder)
	}
	f, err := os.CreateTemp(folder, ".dyad-train-probe-*")
	if err != nil {
		return fmt.Errorf("--out %s: not writable: %w", path, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// moduleRoot returns the nearest folder at or above the working directory holding go.mod, or "" when
// there is none.
func moduleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

func addTrainSubcommands(parent *cobra.Command) {
	var tf trainFlags
	tc := &cobra.Command{
		Use:   "tagger",
		Short: "Train the tagger (UPOS, XPOS, lemmas, features); prints dev scores per epoch",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := tf.check(cmd); err != nil {
				return err
			}
			train, _, err := readTreebank(tf.train)
			if err != nil {
				return err
			}
			dev, _, err := readTreebank(tf.dev)
			if err != nil {
				return err
			}
			wn, _, err := loadWordNet(tf.wordnet)
			if err != nil {
				return err
			}
			t, err := tagger.Train(train, dev, tagger.Options{Epochs: tf.epochs, Seed: tf.seed, Stack: tf.stack, WordNet: wn, Log: os.Stdout})
			if err != nil {
				return err
			}
			return writeGzip(tf.out, func(zw *gzip.Writer) error { _, err := t.WriteTo(zw); return err })
		},
	}
	tf.register(tc)
	tc.Flags().IntVar(&tf.stack, "stack", 0, "add a stacked second stage trained on N-fold jackknifed stage-1 tags (0: one stage)")
	tc.Flags().StringVar(&tf.wordnet, "wordnet", defaultWordNet, wordnetUsage)
	parent.AddCommand(tc)

	var pf trainFlags
	pc := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser (UD relations); prints dev UAS and LAS per epoch",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := pf.check(cmd); err != nil {
				return err
			}
			train, _, err := readTreebank(pf.train)
			if err != nil {
				return err
			}
			dev, _, err := readTreebank(pf.dev)
			if err != nil {
				return err
			}
			p, err := parser.Train(train, dev, parser.Options{Epochs: pf.epochs, Seed: pf.seed, MinUpdates: pf.minUpd, Log: os.Stdout})
			if err != nil {
				return err
			}
			return writeGzip(pf.out, func(zw *gzip.Writer) error { _, err := p.WriteTo(zw); return err })
		},
	}
	pf.register(pc)
	pc.Flags().IntVar(&pf.minUpd, "min-updates", 0, "drop features updated fewer times than this in training")
	parent.AddCommand(pc)

	var af struct {
		treebank, out string
		seed          uint64
		folds         int
		tagEp, parEp  int
		minUpd        int
		stack, seeds  int
		addGold       bool
		dump          string
		wordnet       string
	}
	ac := &cobra.Command{
		Use:   "all",
		Short: "Rebuild the embedded model (tagger + parser bundle and MANIFEST.json) from UD English-EWT",
		Long: `Trains the tagger on en_ewt-ud-train.conllu, retags the training set by jackknifing, trains the
parser, and writes en_ewt.dyad.gz and MANIFEST.json into --out. Dev scores (en_ewt-ud-dev.conllu,
predicted tags) are printed per epoch and recorded in the manifest.

Relative defaults are resolved against the module root (the nearest folder above the working
directory holding go.mod), not the working directory: --out nlp/model and --treebank
../shared/data/ud-english-ewt. Paths given on the command line are taken as they are.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := moduleRoot()
			if !cmd.Flags().Changed("out") || !cmd.Flags().Changed("treebank") {
				if root == "" {
					return usagef("no go.mod above the working directory to resolve the defaults against; give --out and --treebank")
				}
				if !cmd.Flags().Changed("out") {
					af.out = filepath.Join(root, af.out)
				}
				if !cmd.Flags().Changed("treebank") {
					af.treebank = filepath.Join(root, af.treebank)
				}
			}
			for _, fl := range []struct {
				name string
				v    int
			}{{"tagger-epochs", af.tagEp}, {"parser-epochs", af.parEp}} {
				if cmd.Flags().Changed(fl.name) && fl.v < 1 {
					return usagef("--%s %d: want at least 1", fl.name, fl.v)
				}
			}
			if err := checkWritable(af.out, true); err != nil {
				return err
			}
			cfg := train.DefaultConfig
			cfg.Seed = af.seed
			if af.folds >= 0 {
				cfg.Folds = af.folds
			}
			if af.tagEp > 0 {
				cfg.TaggerEpochs = af.tagEp
			}
			if af.parEp > 0 {
				cfg.ParserEpochs = af.parEp
			}
			if af.minUpd >= 0 {
				cfg.ParserMinUpdates = af.minUpd
			}
			if af.stack >= 0 {
				cfg.TaggerStack = af.stack
			}
			if af.seeds > 0 {
				cfg.ParserSeeds = af.seeds
			}
			cfg.AddGoldTags = af.addGold
			cfg.Log = os.Stdout
			if af.dump != "" {
				cfg.TagsReady = func(tr, dev []story.Sentence) {
					for name, ss := range map[string][]story.Sentence{"train": tr, "dev": dev} {
						f, err := os.Create(filepath.Join(af.dump, "predicted-"+name+".conllu"))
						if err != nil {
							warnf("%v", err)
							return
						}
						w := bufio.NewWriter(f)
						for i := range ss {
							_ = conllu.Write(w, &ss[i])
						}
						w.Flush()
						f.Close()
					}
				}
			}
			wn, wnFiles, err := loadWordNet(af.wordnet)
			if err != nil {
				return err
			}
			cfg.WordNet = wn
			return trainAll(af.treebank, af.out, af.wordnet, wnFiles, cfg)
		},
	}
	ac.Flags().StringVar(&af.treebank, "treebank", "../shared/data/ud-english-ewt", "folder holding en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu (default relative to the module root)")
	ac.Flags().StringVar(&af.out, "out", "nlp/model", "folder to write en_ewt.dyad.gz and MANIFEST.json into (default relative to the module root)")
	ac.Flags().Uint64Var(&af.seed, "seed", 1, "shuffling seed")
	ac.Flags().IntVar(&af.folds, "folds", -1, "jackknife folds for the parser's training tags (-1: default)")
	ac.Flags().IntVar(&af.tagEp, "tagger-epochs", 0, "tagger epochs, at least 1 (default 10)")
	ac.Flags().IntVar(&af.parEp, "parser-epochs", 0, "parser epochs, at least 1 (default 12)")
	ac.Flags().IntVar(&af.minUpd, "parser-min-updates", -1, "drop parser features updated fewer times than this (-1: default)")
	ac.Flags().IntVar(&af.stack, "tagger-stack", -1, "jackknife folds of the tagger's stacked second stage, 0 for one stage (-1: default)")
	ac.Flags().IntVar(&af.seeds, "parser-seeds", 0, "number of parsers trained with successive seeds and mixed into one (0: default)")
	ac.Flags().BoolVar(&af.addGold, "add-gold-tags", train.DefaultConfig.AddGoldTags, "train the parser on the treebank-tagged sentences too, besides the jackknifed ones")
	ac.Flags().StringVar(&af.wordnet, "wordnet", defaultWordNet, wordnetUsage)
	ac.Flags().StringVar(&af.dump, "dump-tags", "", "also write the parser's training and dev sets with predicted tags into this folder")
	parent.AddCommand(ac)

	var bf struct{ tagger, parser, out string }
	bc := &cobra.Command{
		Use:    "bundle",
		Short:  "Join a tagger and a parser file (from train tagger|parser) into a model bundle",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if bf.tagger == "" || bf.parser == "" || bf.out == "" {
				return usagef("--tagger, --parser and --out are required")
			}
			var tg *tagger.Tagger
			var ps *parser.Parser
			if err := readGzip(bf.tagger, func(r io.Reader) (err error) { tg, err = tagger.Load(r); return }); err != nil {
				return err
			}
			if err := readGzip(bf.parser, func(r io.Reader) (err error) { ps, err = parser.Load(r); return }); err != nil {
				return err
			}
			var buf bytes.Buffer
			if _, err := (&nlp.Pipeline{Tagger: tg, Parser: ps}).WriteTo(&buf); err != nil {
				return err
			}
			return os.WriteFile(bf.out, buf.Bytes(), 0o644)
		},
	}
	bc.Flags().StringVar(&bf.tagger, "tagger", "", "tagger file")
	bc.Flags().StringVar(&bf.parser, "parser", "", "parser file")
	bc.Flags().StringVar(&bf.out, "out", "", "bundle to write")
	parent.AddCommand(bc)
}

// readGzip opens a gzip-compressed file and passes its content to read.
func readGzip(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := read(bufio.NewReader(zr)); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func fileInfo(path string) (model.File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return model.File{}, err
	}
	sum := sha256.Sum256(b)
	return model.File{Name: filepath.Base(path), SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(b))}, nil
}

// defaultWordNet is where Debian's wordnet-base package installs WordNet 3.0.
const defaultWordNet = "/usr/share/wordnet"

const wordnetUsage = `WordNet 3.0 dict folder for the tagger's word-class features ("" to train without; Debian package wordnet-base)`

// loadWordNet reads WordNet from dir for training, with the files it read for the manifest; an
// empty dir gives nil (a tagger without WordNet features).
func loadWordNet(dir string) (*wordnet.WordNet, []model.File, error) {
	if dir == "" {
		return nil, nil, nil
	}
	if _, err := os.Stat(filepath.Join(dir, "index.noun")); err != nil {
		return nil, nil, fmt.Errorf("%s: no WordNet 3.0 here (install the Debian package wordnet-base, or give --wordnet \"\" to train without it)", dir)
	}
	wn, err := wordnet.Load(dir)
	if err != nil {
		return nil, nil, err
	}
	var files []model.File
	for _, f := range wordnet.Files {
		fi, err := fileInfo(filepath.Join(dir, f))
		if err != nil {
			return nil, nil, err
		}
		files = append(files, fi)
	}
	return wn, files, nil
}

func trainAll(dir, out, wordnetDir string, wnFiles []model.File, cfg train.Config) error {
	trainPath := filepath.Join(dir, "en_ewt-ud-train.conllu")
	devPath := filepath.Join(dir, "en_ewt-ud-dev.conllu")
	trainSet, _, err := readTreebank(trainPath)
	if err != nil {
		return err
	}
	dev, _, err := readTreebank(devPath)
	if err != nil {
		return err
	}
	p, scores, err := train.Build(trainSet, dev, cfg)
	if err != nil {
		return err
	}
	fmt.Printf("dev (predicted tags): UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f\n", scores.UPOS, scores.XPOS, scores.Lemma, scores.UAS, scores.LAS)
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		return err
	}
	bundle := filepath.Join(out, model.FileName)
	if err := os.WriteFile(bundle, buf.Bytes(), 0o644); err != nil {
		return err
	}
	bi, err := fileInfo(bundle)
	if err != nil {
		return err
	}
	ti, err := fileInfo(trainPath)
	if err != nil {
		return err
	}
	di, err := fileInfo(devPath)
	if err != nil {
		return err
	}
	info := model.Info{
		Model: bi.Name, SHA256: bi.SHA256, Bytes: int(bi.Bytes),
		Treebank: "UD English-EWT v2.16", License: "CC BY-SA 4.0 (from the treebank)",
		Train: ti, Dev: di, Seed: cfg.Seed, Settings: cfg, DevScores: scores,
		Command: fmt.Sprintf("dyad train all --treebank %s --out %s --seed %d --folds %d --tagger-epochs %d --tagger-stack %d --parser-epochs %d --parser-min-updates %d --parser-seeds %d --add-gold-tags=%t --wordnet %q",
			"../shared/data/ud-english-ewt", "nlp/model", cfg.Seed, cfg.Folds, cfg.TaggerEpochs, cfg.TaggerStack, cfg.ParserEpochs, cfg.ParserMinUpdates, max(cfg.ParserSeeds, 1), cfg.AddGoldTags, wordnetDir),
	}
	if len(wnFiles) > 0 {
		info.WordNet = &model.WordNetInfo{Name: "WordNet 3.0", License: "WordNet 3.0 license (Princeton University); notice in WORDNET-LICENSE", Files: wnFiles}
	}
	js, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d bytes, sha256 %s)\n", bundle, bi.Bytes, bi.SHA256)
	return os.WriteFile(filepath.Join(out, "MANIFEST.json"), append(js, '\n'), 0o644)
}

// writeGzip writes a gzip-compressed file through fill.
func writeGzip(path string, fill func(*gzip.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if err := fill(zw); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
