// Text inputs with one look; invalid state comes from aria-invalid, set by <Field>.
import type { ComponentProps } from "react";

const BASE =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 disabled:bg-slate-100";

export function Input({ className = "", ...props }: ComponentProps<"input">) {
  return <input className={`${BASE} min-h-11 ${className}`} {...props} />;
}

export function Textarea({ className = "", ...props }: ComponentProps<"textarea">) {
  return <textarea className={`${BASE} ${className}`} {...props} />;
}
