//go:build unix

package corpus

import (
	"io"
	"io/fs"
	"syscall"
)

// rawFile is a file read with plain system calls. os.Open costs six on
// Linux (it tries, and fails, to register a regular file with the network
// poller, setting and clearing non-blocking mode around it) and a
// finalizer. Reading a document at a size already known now takes four
// (open, read, the read that finds its end, close) where it took ten.
type rawFile struct {
	fd   int
	name string
}

func openRaw(name string) (*rawFile, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		switch err {
		case nil:
			return &rawFile{fd: fd, name: name}, nil
		case syscall.EINTR:
			continue
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
}

// size is the file's size as fstat gives it.
func (f *rawFile) size() (int64, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(f.fd, &st)
		switch err {
		case nil:
			return st.Size, nil
		case syscall.EINTR:
			continue
		}
		return 0, &fs.PathError{Op: "stat", Path: f.name, Err: err}
	}
}

func (f *rawFile) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *rawFile) Close() error { return syscall.Close(f.fd) }

// statEntry stats path, following it if it is a link, without the
// FileInfo os.Lstat allocates for every file of a folder walked.
func statEntry(path string, follow bool) (entryStat, error) {
	var st syscall.Stat_t
	for {
		var err error
		if follow {
			err = syscall.Stat(path, &st)
		} else {
			err = syscall.Lstat(path, &st)
		}
		switch err {
		case nil:
			return entryStat{
				size:    st.Size,
				dir:     st.Mode&syscall.S_IFMT == syscall.S_IFDIR,
				regular: st.Mode&syscall.S_IFMT == syscall.S_IFREG,
			}, nil
		case syscall.EINTR:
			continue
		}
		op := "lstat"
		if follow {
			op = "stat"
		}
		return entryStat{}, &fs.PathError{Op: op, Path: path, Err: err}
	}
}
