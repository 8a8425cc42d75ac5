"use client";
// Text inputs with one look; invalid state comes from aria-invalid, set by <Field>.
import type { ComponentProps } from "react";
import { useAdoptarAntesDeHidratar } from "./antes-de-hidratar";

/** The primitives keep their element's ref to themselves (they read it on mount). */
type Props<T extends "input" | "textarea" | "select"> = Omit<ComponentProps<T>, "ref">;

const BASE =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 disabled:bg-slate-100";

export function Input({ className = "", ...props }: Props<"input">) {
  return <input className={`${BASE} min-h-11 ${className}`} {...props} ref={useAdoptarAntesDeHidratar(props)} />;
}

export function Textarea({ className = "", ...props }: Props<"textarea">) {
  return <textarea className={`${BASE} ${className}`} {...props} ref={useAdoptarAntesDeHidratar(props)} />;
}

/** A drop-down with the same look. */
export function Select({ className = "", ...props }: Props<"select">) {
  return <select className={`${BASE} min-h-11 ${className}`} {...props} ref={useAdoptarAntesDeHidratar(props)} />;
}

/** A checkbox or radio button (controlled or not); its label is the caller's. */
export function Casilla({ className = "size-5", type = "checkbox", ...props }: Props<"input">) {
  return <input type={type} className={className} {...props} ref={useAdoptarAntesDeHidratar(props)} />;
}
