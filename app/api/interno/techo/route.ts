// The benchmark's ceiling: an empty handler behind the same proxy.ts (session check included), so
// `npm run bench` can report each path as a share of what the framework alone serves. It exists only
// while BENCH_TECHO=1 (set by the benchmark); otherwise it is a 404 like any unknown path.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET() {
  if (process.env.BENCH_TECHO !== "1") return NextResponse.json({ detail: "La ruta solicitada no existe.", error_code: "RUTA_NO_ENCONTRADA" }, { status: 404 });
  return NextResponse.json({ ok: true });
}
