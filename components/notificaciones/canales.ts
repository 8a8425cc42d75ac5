// How staff pages name a delivery channel.
import type { CanalEntrega } from "@/lib/generated/prisma/enums";

export const NOMBRE_CANAL: Record<CanalEntrega, string> = { EMAIL: "Correo", SMS: "SMS", TIEMPO_REAL: "Aviso en vivo" };
