package linear

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

// Enc writes the little-endian fields of Dyad's model files, remembering the first error.
type Enc struct {
	W   *bufio.Writer
	Err error
}

// NewEnc returns an encoder writing to w; call Flush at the end.
func NewEnc(w io.Writer) *Enc { return &Enc{W: bufio.NewWriter(w)} }

// U32 writes v.
func (e *Enc) U32(v uint32) {
	if e.Err == nil {
		e.Err = binary.Write(e.W, binary.LittleEndian, v)
	}
}

// Str writes a uint32 byte length and the bytes of s.
func (e *Enc) Str(s string) {
	e.U32(uint32(len(s)))
	if e.Err == nil {
		_, e.Err = e.W.WriteString(s)
	}
}

// Model writes m.
func (e *Enc) Model(m *Model) {
	if e.Err == nil {
		_, e.Err = m.WriteTo(e.W)
	}
}

// Flush flushes the buffer and returns the first error.
func (e *Enc) Flush() error {
	if e.Err == nil {
		e.Err = e.W.Flush()
	}
	return e.Err
}

// Dec reads what Enc wrote, remembering the first error; lengths are bounded so that corrupt input
// cannot make it allocate without limit.
type Dec struct {
	R   *bufio.Reader
	Err error
}

// NewDec returns a decoder reading r.
func NewDec(r io.Reader) *Dec {
	if br, ok := r.(*bufio.Reader); ok {
		return &Dec{R: br}
	}
	return &Dec{R: bufio.NewReaderSize(r, 1<<16)}
}

// ErrCorrupt reports a model file that does not decode.
var ErrCorrupt = errors.New("corrupt model file")

// U32 reads a uint32 (0 after an error).
func (d *Dec) U32() uint32 {
	var v uint32
	if d.Err == nil {
		if err := binary.Read(d.R, binary.LittleEndian, &v); err != nil {
			d.Err = ErrCorrupt
		}
	}
	return v
}

// Count reads a uint32 count and checks it is at most max.
func (d *Dec) Count(max uint32) int {
	v := d.U32()
	if v > max {
		d.Err = ErrCorrupt
		return 0
	}
	return int(v)
}

// Str reads a string of at most 1 MiB.
func (d *Dec) Str() string {
	n := d.Count(1 << 20)
	if d.Err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.R, b); err != nil {
		d.Err = ErrCorrupt
		return ""
	}
	return string(b)
}

// Model reads a Model.
func (d *Dec) Model() *Model {
	if d.Err != nil {
		return nil
	}
	m, err := ReadModel(d.R)
	if err != nil {
		d.Err = err
	}
	return m
}
