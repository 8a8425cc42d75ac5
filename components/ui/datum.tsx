// One labelled value inside a <dl>: the label above, the value below.
import type { ReactNode } from "react";

export function Datum({ label, children, testId, className = "font-medium" }: { label: ReactNode; children: ReactNode; testId?: string; className?: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className={className} data-testid={testId}>{children}</dd>
    </div>
  );
}
