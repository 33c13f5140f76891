import { expect, type Page } from '@playwright/test';

/** How far the window itself scrolls: nothing, when the page keeps to its frame. */
export async function windowOverflow(
  page: Page,
): Promise<{ scrollHeight: number; innerHeight: number; scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** The app keeps to the window: it neither scrolls down nor sideways past it. */
export async function expectWithinWindow(page: Page, where: string): Promise<void> {
  const size = await windowOverflow(page);
  expect(size.scrollHeight, `the window's height on ${where}`).toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth, `the window's width on ${where}`).toBeLessThanOrEqual(size.innerWidth);
}
