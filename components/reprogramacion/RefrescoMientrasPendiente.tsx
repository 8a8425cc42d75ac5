"use client";
// While the confirmation email is still queued, re-read the page every 2 s (for up to a minute) so
// the client sees "sent" when it really is.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefrescoMientrasPendiente({ pendiente }: { pendiente: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pendiente) return;
    let vueltas = 0;
    const t = setInterval(() => (++vueltas > 30 ? clearInterval(t) : router.refresh()), 2000);
    return () => clearInterval(t);
  }, [pendiente, router]);
  return null;
}
