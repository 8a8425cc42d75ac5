// A labelled form field: the label, an optional hint and the error sit next to the control and are
// wired to it (id, aria-describedby, aria-invalid), so screen readers read them with the field.
import type { ReactNode } from "react";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

export function Field({ id, label, hint, error, extra, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; extra?: ReactNode; children: (props: ControlProps) => ReactNode }) {
  const describedBy = [hint ? `${id}-ayuda` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-slate-900">{label}</label>
        {extra}
      </div>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && <p id={`${id}-ayuda`} className="text-sm text-slate-600">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm font-medium text-red-800" data-error-de={id}>{error}</p>}
    </div>
  );
}
