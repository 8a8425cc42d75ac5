import { prisma } from "@/lib/db/client";
import { json, leerJson, metodos, ruta } from "@/lib/http/api";
import { pedirEnlace } from "@/lib/cuenta/acceso";

// POST /api/cuenta/enlace-acceso/ { email }: the same 200 body whether the account exists or not.
const post = ruta(async (request) => json(await pedirEnlace(prisma, request.headers, await leerJson(request), "acceso")));

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
