"use client";
// What a person types, picks or ticks before React hydrates stays on screen, but React fires no change
// for it (it leaves the element as it finds it), so a controlled field would show a value its state
// never got: a date picked on a slow phone, with no verdict and a form that says it is empty.
import { useEffect, useRef, type ChangeEvent } from "react";

type Campo = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface PropsControladas<E extends Campo> {
  value?: unknown;
  checked?: boolean;
  onChange?: (e: ChangeEvent<E>) => void;
}

/** Whether the screen shows something the controlled props do not. */
function diferencia(campo: Campo, props: { value?: unknown; checked?: boolean }): boolean {
  if (campo instanceof HTMLInputElement && (campo.type === "checkbox" || campo.type === "radio")) {
    if (props.checked === undefined) return false;
    // A radio reports only the one that became checked; its group's other buttons follow from state.
    return campo.type === "radio" ? campo.checked && !props.checked : campo.checked !== props.checked;
  }
  if (campo instanceof HTMLInputElement && campo.type === "file") return false;
  return props.value !== undefined && campo.value !== String(props.value);
}

/**
 * The element's ref: on mount, a controlled field whose screen differs from its props hands what is
 * on screen to onChange once, as the change event React never fired would have.
 */
export function useAdoptarAntesDeHidratar<E extends Campo>(props: PropsControladas<E>) {
  const propio = useRef<E | null>(null);
  const inicial = useRef(props);
  useEffect(() => {
    const campo = propio.current;
    const { onChange } = inicial.current;
    if (campo && onChange && diferencia(campo, inicial.current)) onChange({ target: campo, currentTarget: campo, type: "change" } as ChangeEvent<E>);
  }, []);
  return propio;
}
