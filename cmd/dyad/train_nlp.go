package main

import (
	"compress/gzip"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/nlp/parser"
	"github.com/dyad-events/dyad/nlp/tagger"
)

type trainFlags struct {
	train, dev, out string
	epochs          int
	seed            uint64
}

func (f *trainFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.train, "train", "", "training treebank (CoNLL-U)")
	c.Flags().StringVar(&f.dev, "dev", "", "development treebank (CoNLL-U), scored after every epoch")
	c.Flags().StringVar(&f.out, "out", "", "model file to write (gzip-compressed)")
	c.Flags().IntVar(&f.epochs, "epochs", 0, "training epochs (0: the model's default)")
	c.Flags().Uint64Var(&f.seed, "seed", 1, "shuffling seed; the same seed and data give the same model")
}

func (f *trainFlags) check() error {
	if f.train == "" || f.dev == "" || f.out == "" {
		return usagef("--train, --dev and --out are required")
	}
	return nil
}

func addTrainSubcommands(parent *cobra.Command) {
	var tf trainFlags
	tc := &cobra.Command{
		Use:   "tagger",
		Short: "Train the tagger (UPOS, XPOS, lemmas, features); prints dev scores per epoch",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := tf.check(); err != nil {
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
			t, err := tagger.Train(train, dev, tagger.Options{Epochs: tf.epochs, Seed: tf.seed, Log: os.Stdout})
			if err != nil {
				return err
			}
			return writeGzip(tf.out, func(zw *gzip.Writer) error { _, err := t.WriteTo(zw); return err })
		},
	}
	tf.register(tc)
	parent.AddCommand(tc)

	var pf trainFlags
	pc := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser (UD relations); prints dev UAS and LAS per epoch",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := pf.check(); err != nil {
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
			p, err := parser.Train(train, dev, parser.Options{Epochs: pf.epochs, Seed: pf.seed, Log: os.Stdout})
			if err != nil {
				return err
			}
			return writeGzip(pf.out, func(zw *gzip.Writer) error { _, err := p.WriteTo(zw); return err })
		},
	}
	pf.register(pc)
	parent.AddCommand(pc)
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
