import { Component, type ReactNode } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';

/** A section that fails to load or render shows its error instead of a blank console. */
export class SectionBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { error: unknown; key: string }
> {
  override state = { error: undefined as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: unknown; key: string },
  ) {
    // Moving to another section or subpath gives it a fresh start.
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override render() {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <ErrorNotice error={this.state.error} />
    );
  }
}
