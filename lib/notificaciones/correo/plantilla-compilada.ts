// Email templates rendered once per shape and filled per delivery. React's render of a template costs
// milliseconds; most of what changes between two emails of one template is text (names, dates,
// amounts, links). So the template is rendered with a placeholder in place of each text value, HTML
// and plain text alike, and each email fills the placeholders: HTML-escaped exactly as React escapes,
// and in the plain text as html-to-text would have written it.
//
// What changes the layout is part of the shape and never a placeholder: which values are null,
// empty or boolean, every array's length, the discriminating props (DISCRIMINANTES), and which
// values are equal to one another (a link whose text is its address is written once in plain text).
import type { ComponentType } from "react";
import { createElement } from "react";

/** Props compared in templates (`p.para === "cliente"`): their value picks the layout. */
const DISCRIMINANTES = new Set(["variante", "para"]);
// Private-use characters: React leaves them alone, html-to-text too. The letters inside show when
// html-to-text upper-cased a value (headings), so the filled value is upper-cased too.
const INICIO = "\uE000";
const FIN = "\uE001";
const marcador = (i: number) => `${INICIO}v${i}x${FIN}`;
const MARCADOR = /\uE000([vV])(\d+)[xX]\uE001/g;

/** React's escapeTextForBrowser: the same five characters, the same entities. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escaparHtml = (texto: string) => texto.replace(/[&<>"']/g, (c) => ESCAPES[c]);
// html-to-text collapses these (its default whitespaceCharacters) into one space inside text.
const espaciosComoHtmlToText = (texto: string) => texto.replace(/[ \t\r\n\f\u200b]+/g, " ");
const BORDE_CON_ESPACIO = /^[ \t\r\n\f\u200b]|[ \t\r\n\f\u200b]$/;

// React Email's <Preview>: the first 150 characters of its text, then invisible padding up to 150.
// Both depend on the real text's length, so that block is rebuilt from the values.
const LARGO_VISTA_PREVIA = 150;
const RELLENO = "\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF";
const VISTA_PREVIA = /(data-skip-in-text="true">)([^<]*)<div>[\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF]*<\/div><\/div>/;
const ENTIDADES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([c, e]) => [e, c]));

function llenarVistaPrevia(html: string, valores: string[]) {
  return html.replace(VISTA_PREVIA, (_, apertura: string, contenido: string) => {
    const texto = contenido.replace(/&amp;|&lt;|&gt;|&quot;|&#x27;/g, (e) => ENTIDADES[e]).replace(MARCADOR, (_m, _l, i: string) => valores[Number(i)]).substring(0, LARGO_VISTA_PREVIA);
    const relleno = texto.length < LARGO_VISTA_PREVIA ? `<div>${RELLENO.repeat(LARGO_VISTA_PREVIA - texto.length)}</div>` : "";
    return `${apertura}${escaparHtml(texto)}${relleno}</div>`;
  });
}

interface Compilada {
  html: string;
  texto: string;
}

export interface Renderizado {
  html: string;
  texto: string;
}

/**
 * Props with each text value (and number) replaced by its placeholder; `valores` holds the values
 * by index (equal values share one), `forma` describes everything else.
 */
function conMarcadores(props: unknown) {
  const valores: string[] = [];
  const indice = new Map<string, number>();
  const marcar = (valor: string) => {
    let i = indice.get(valor);
    if (i === undefined) indice.set(valor, (i = valores.push(valor) - 1));
    return i;
  };
  const recorrer = (v: unknown, clave: string | null): [unknown, unknown] => {
    if (typeof v === "string") {
      // Space at a value's edge merges in the plain text with the space around it: rendered in full.
      if (BORDE_CON_ESPACIO.test(v)) completo = true;
      // html-to-text drops a link's "mailto:" and a "#…" address: those stay outside the placeholder.
      if (v === "" || v.startsWith("#") || (clave !== null && DISCRIMINANTES.has(clave))) return [v, ["=", v]];
      if (v.startsWith("mailto:")) {
        const i = marcar(v.slice(7));
        return [`mailto:${marcador(i)}`, ["mailto", i]];
      }
      const i = marcar(v);
      return [marcador(i), i];
    }
    if (typeof v === "number" && v !== 0) {
      const i = marcar(String(v));
      return [marcador(i), ["n", i]];
    }
    if (Array.isArray(v)) {
      const pares = v.map((x) => recorrer(x, null));
      return [pares.map((p) => p[0]), pares.map((p) => p[1])];
    }
    if (v && typeof v === "object") {
      const entradas = Object.entries(v).map(([k, x]) => [k, recorrer(x, k)] as const);
      return [Object.fromEntries(entradas.map(([k, p]) => [k, p[0]])), entradas.map(([k, p]) => [k, p[1]])];
    }
    return [v, v ?? null]; // null, undefined, booleans: kept as they are, part of the shape
  };
  let completo = false;
  const [conMarcas, forma] = recorrer(props, null);
  return { conMarcas, valores, clave: JSON.stringify(forma), completo };
}

const compiladas = new WeakMap<ComponentType<never>, Map<string, Compilada>>();
const MAXIMO_FORMAS = 200;

/** How many shapes of this template are compiled (tests: the fill is really used). */
export const formasCompiladas = (Componente: ComponentType<never>) => compiladas.get(Componente)?.size ?? 0;

/** Renders `Componente` with `props`; `renderizar` is the full render (React, then plain text). */
export async function renderizarConPlantilla<P extends object>(
  Componente: ComponentType<P>,
  props: P,
  renderizar: (elemento: React.ReactElement) => Promise<Renderizado>,
): Promise<Renderizado> {
  const { conMarcas, valores, clave, completo } = conMarcadores(props);
  if (completo) return renderizar(createElement(Componente, props));
  let formas = compiladas.get(Componente as ComponentType<never>);
  if (!formas) compiladas.set(Componente as ComponentType<never>, (formas = new Map()));
  let compilada = formas.get(clave);
  if (!compilada) {
    compilada = await renderizar(createElement(Componente, conMarcas as P));
    // A template that transforms a value (cuts it, formats it) would lose its placeholder: such a
    // shape is rendered in full every time.
    const todo = `${compilada.html}${compilada.texto}`;
    const enteros = [...todo.matchAll(MARCADOR)].length;
    if (todo.split(INICIO).length - 1 !== enteros || todo.split(FIN).length - 1 !== enteros || !VISTA_PREVIA.test(compilada.html)) return renderizar(createElement(Componente, props));
    if (formas.size >= MAXIMO_FORMAS) formas.clear();
    formas.set(clave, compilada);
  }
  return {
    html: llenarVistaPrevia(compilada.html, valores).replace(MARCADOR, (_, letra: string, i: string) => escaparHtml(letra === "V" ? valores[Number(i)].toUpperCase() : valores[Number(i)])),
    texto: compilada.texto.replace(MARCADOR, (_, letra: string, i: string) => {
      const valor = espaciosComoHtmlToText(valores[Number(i)]);
      return letra === "V" ? valor.toUpperCase() : valor;
    }),
  };
}
