/** Catches a page that fails while rendering, so that the reader sees what happened instead of a blank page. */
import { Component, type ReactNode } from "react";

interface Props {
  title: string;
  advice: string;
  retry: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error" role="alert">
        <h1>{this.props.title}</h1>
        <p>{this.props.advice}</p>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {this.props.retry}
        </button>
      </div>
    );
  }
}
