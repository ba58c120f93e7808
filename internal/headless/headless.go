//go:build e2e || perf

// Package headless starts Debian's Chromium the way the browser tests and
// make bench both need it: headless, as root, with nothing reaching out to
// the network, a fresh profile and its own TMPDIR.
package headless

import (
	"context"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// Start launches Chromium at execPath with its profile and TMPDIR in dir, a
// 1280 × 900 window and any extra options. The context ends after timeout;
// stop closes the browser, waits for it and releases everything, but
// leaves dir for the caller to remove.
func Start(execPath, dir string, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) (ctx context.Context, stop func()) {
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-back-forward-cache", true),
		chromedp.WindowSize(1280, 900),
		chromedp.Env("TMPDIR=" + dir),
	}, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	return ctx, func() {
		chromedp.Cancel(ctx) // closes the browser and waits for it
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	}
}
