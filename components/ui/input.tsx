"use client";
// Text inputs with one look; invalid state comes from aria-invalid, set by <Field>.
import { useEffect, useRef, type ChangeEvent, type ComponentProps, type Ref, type RefObject } from "react";

const BASE =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 disabled:bg-slate-100";

type Campo = HTMLInputElement | HTMLTextAreaElement;

/**
 * What a person types before React hydrates stays on screen, but React fires no change for it, so a
 * controlled field would show a value its state never got (a date picked on a slow phone, ignored).
 * On mount, a value on screen that differs from the controlled one is handed to onChange once.
 */
function useEscritoAntesDeHidratar<E extends Campo>(propio: RefObject<E | null>, value: unknown, onChange: ((e: ChangeEvent<E>) => void) | undefined) {
  useEffect(() => {
    const campo = propio.current;
    if (!campo || value === undefined || !onChange || campo.value === String(value)) return;
    onChange({ target: campo, currentTarget: campo, type: "change" } as ChangeEvent<E>);
    // Only the first commit can find a value React did not put there.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

function unirRefs<E>(propio: RefObject<E | null>, externo: Ref<E> | undefined) {
  return (nodo: E | null) => {
    propio.current = nodo;
    if (typeof externo === "function") externo(nodo);
    else if (externo) externo.current = nodo;
  };
}

export function Input({ className = "", ref, ...props }: ComponentProps<"input">) {
  const propio = useRef<HTMLInputElement>(null);
  const conValor = props.type !== "checkbox" && props.type !== "radio" && props.type !== "file";
  useEscritoAntesDeHidratar(propio, conValor ? props.value : undefined, props.onChange);
  return <input className={`${BASE} min-h-11 ${className}`} ref={unirRefs(propio, ref)} {...props} />;
}

export function Textarea({ className = "", ref, ...props }: ComponentProps<"textarea">) {
  const propio = useRef<HTMLTextAreaElement>(null);
  useEscritoAntesDeHidratar(propio, props.value, props.onChange);
  return <textarea className={`${BASE} ${className}`} ref={unirRefs(propio, ref)} {...props} />;
}
