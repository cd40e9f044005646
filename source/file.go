package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// openPath returns the source for a file or a directory.
func openPath(path string, opts Options) Source {
	info, err := os.Stat(path)
	if err != nil {
		return failed(docErr(path, "", unwrapPath(err)))
	}
	if info.IsDir() {
		return &dirSource{root: path, opts: opts}
	}
	return openFile(path, opts)
}

// unwrapPath drops the *fs.PathError wrapper, whose path the DocError
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// openFile returns the source for one file: WARC and JSON Lines files are
// streamed, anything else is read whole, up to the size limit.
func openFile(path string, opts Options) Source {
	// Check before opening: opening a named pipe would block.
	if info, err := os.Stat(path); err != nil {
		return failed(docErr(path, "", unwrapPath(err)))
	} else if !info.Mode().IsRegular() {
		return failed(docErr(path, "", fmt.Errorf("not a regular file (%s)", info.Mode().Type())))
	}
	f, err := os.Open(path)
	if err != nil {
		return failed(docErr(path, "", unwrapPath(err)))
	}
	src, err := fileSource(f, path, opts)
	if err != nil {
		f.Close()
		return failed(docErr(path, "", err))
	}
	return src
}

func fileSource(f *os.File, path string, opts Options) (Source, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	if info.Size() == 0 {
		return nil, errors.New("empty file")
	}
	cr := &countReader{r: f}
	br := bufio.NewReaderSize(cr, 4096)
	head, _ := br.Peek(4096)
	if len(head) == 0 {
		return nil, errors.New("empty file")
	}
	gz := len(head) >= 2 && head[0] == gzipMagic[0] && head[1] == gzipMagic[1]
	if gz {
		inner, err := gunzipHead(head)
		if err != nil {
			return nil, err
		}
		head = inner
	}
	k, _ := sniff(head, "")
	switch {
	case k == kindWARC:
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		return newWARC(f, path, opts), nil
	case k == kindJSONL && !gz:
		return newJSONL(readCloser{br, f}, path, opts), nil
	case k == kindJSONL:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return newJSONL(readCloser{&gzipErrReader{opts.budget(zr, func() int64 { return cr.n })}, f}, path, opts), nil
	}
	defer f.Close()
	max := opts.maxBytes()
	if !gz && info.Size() > max {
		return nil, fmt.Errorf("%w: the file is %s, over the %s limit", ErrTooLarge, Size(info.Size()), Size(max))
	}
	var data []byte
	if gz {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		var trailer [4]byte
		n, _ := f.ReadAt(trailer[:], info.Size()-4)
		data, err = readSized(zr, max, gunzipSize(trailer[:n], info.Size()))
		if err != nil {
			return nil, gzipErr(err)
		}
	} else if data, err = readSized(br, max, info.Size()); err != nil {
		return nil, err
	}
	return fromDoc(doc{origin: path, name: path, data: data}, opts, nil), nil
}

// gunzipHead decompresses the start of a gzip file for sniffing.
func gunzipHead(head []byte) ([]byte, error) {
	zr, err := gzip.NewReader(strings.NewReader(string(head)))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	buf := make([]byte, 4096)
	n, err := io.ReadFull(zr, buf)
	if n == 0 && err != nil {
		return nil, gzipErr(err)
	}
	return buf[:n], nil
}

// gzipErrReader names gzip failures in the errors of a stream.
type gzipErrReader struct{ r io.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipErr(err)
	}
	return n, err
}

type readCloser struct {
	io.Reader
	io.Closer
}

// dirSource reads every non-hidden file below a directory, in name order.
type dirSource struct {
	root  string
	opts  Options
	paths []string
	errs  []item // listing errors, reported first
	ready bool
	cur   Source
}

func (s *dirSource) list() {
	s.ready = true
	_ = filepath.WalkDir(s.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			s.errs = append(s.errs, item{err: docErr(p, "", unwrapPath(err))})
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != s.root {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() && p != s.root && strings.HasSuffix(d.Name(), "_files") {
			// A browser's "Save page as…" puts a page's scripts, styles
			// and data beside it in NAME_files/.
			s.errs = append(s.errs, item{err: docErr(p, "", fmt.Errorf("%w: a folder of a saved page's assets", ErrNotNews))})
			return filepath.SkipDir
		}
		if !d.IsDir() && newsFile(d.Name()) {
			s.paths = append(s.paths, p)
		}
		return nil
	})
	slices.Sort(s.paths)
}

// newsExts are the extensions of the files a directory yields. Others (a
// README.md, Dyad's .events sidecars, images, scripts) sit beside news in
// folders but are not news; named alone, any file is read.
var newsExts = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".txt": true, ".text": true,
	".warc": true, ".xml": true, ".rss": true, ".atom": true, ".json": true, ".jsonl": true, ".ndjson": true,
}

// newsFile reports whether a directory yields the file name: one with a
// news extension, possibly gzipped (.html.gz, .warc.gz, .gz alone), or with
// no extension at all, as many dumps are named.
func newsFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".gz" {
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(name, filepath.Ext(name))))
		if ext == "" {
			return true
		}
	}
	return ext == "" || newsExts[ext]
}

func (s *dirSource) Next(ctx context.Context) (Record, error) {
	if !s.ready {
		s.list()
	}
	for {
		if err := ctx.Err(); err != nil {
			return Record{}, err
		}
		if len(s.errs) > 0 {
			it := s.errs[0]
			s.errs = s.errs[1:]
			return it.rec, it.err
		}
		if s.cur == nil {
			if len(s.paths) == 0 {
				return Record{}, io.EOF
			}
			s.cur = openFile(s.paths[0], s.opts)
			s.paths = s.paths[1:]
		}
		rec, err := s.cur.Next(ctx)
		if err == io.EOF {
			s.cur.Close()
			s.cur = nil
			continue
		}
		var de *DocError
		if errors.Is(err, errNotArticles) && errors.As(err, &de) {
			// In a folder, JSON and XML that hold no articles sit
			// beside the news (metadata, configuration): not news.
			err = docErr(de.Origin, de.Where, fmt.Errorf("%w: %w", ErrNotNews, de.Err))
		}
		return rec, err
	}
}

func (s *dirSource) Close() error {
	s.ready, s.paths, s.errs = true, nil, nil
	if s.cur != nil {
		err := s.cur.Close()
		s.cur = nil
		return err
	}
	return nil
}
