import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { ConsoleSection, SectionProps } from '../sections/ConsoleSection';

const screens = new Map<string, LazyExoticComponent<ComponentType<SectionProps>>>();

/** One React.lazy per section, made once: a new one per render would reload and remount it. */
export function sectionScreen(section: ConsoleSection) {
  let screen = screens.get(section.path);
  if (!screen) {
    screen = lazy(section.load);
    screens.set(section.path, screen);
  }
  return screen;
}
