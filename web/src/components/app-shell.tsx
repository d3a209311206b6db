import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { SkipLink } from './skip-link.tsx';

export function AppShell() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  // After client-side navigation, put focus on the new page's h1 so screen readers announce it
  // and keyboard users start at the content. Not on first load: the skip link stays first.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    const target = mainRef.current?.querySelector<HTMLElement>('h1') ?? mainRef.current;
    window.scrollTo(0, 0);
    target?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <SkipLink targetRef={mainRef} />
      <SiteHeader />
      <main id="main" tabIndex={-1} ref={mainRef} className="site-main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
