import { Component, type ReactNode } from 'react';

/**
 * Catches a render error in a step (an odd uischema, a renderer bug) so the page shows the
 * fallback instead of going blank. Resets when the step changes.
 */
export class StepErrorBoundary extends Component<
  { resetKey: string; fallback: ReactNode; children: ReactNode },
  { failedFor: string | null }
> {
  override state = { failedFor: null as string | null };

  static getDerivedStateFromError() {
    return { failedFor: '' };
  }

  override componentDidCatch() {
    this.setState({ failedFor: this.props.resetKey });
  }

  override render() {
    const { failedFor } = this.state;
    const failed = failedFor === '' || failedFor === this.props.resetKey;
    return failed ? this.props.fallback : this.props.children;
  }
}
