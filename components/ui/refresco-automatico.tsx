"use client";
// Re-reads the page's server data every 2 s while something is under way (an email queued, a
// delivery retrying), so its real state shows up without a reload; `vueltas` bounds how long.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefrescoAutomatico({ activo, vueltas = Infinity }: { activo: boolean; vueltas?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!activo) return;
    let hechas = 0;
    const t = setInterval(() => (++hechas > vueltas ? clearInterval(t) : router.refresh()), 2000);
    return () => clearInterval(t);
  }, [activo, vueltas, router]);
  return null;
}
