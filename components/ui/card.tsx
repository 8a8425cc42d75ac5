// A surface that groups one thing: a reservation, a form step, a history entry.
import type { ComponentProps, ReactNode } from "react";

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:p-5 ${className}`} {...props} />;
}

export function CardHeader({ title, titleId, actions, level = 2 }: { title: ReactNode; titleId?: string; actions?: ReactNode; level?: 2 | 3 }) {
  const Titulo = level === 2 ? "h2" : "h3";
  return (
    <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
      <Titulo id={titleId} className="text-lg font-semibold text-slate-900">{title}</Titulo>
      {actions}
    </div>
  );
}
