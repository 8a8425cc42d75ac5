"use server";
// The client's own contact details (SMS).
import { guardarContactoComo } from "@/lib/usuarios/acciones";

export const guardarMiContacto = async (formData: FormData) => guardarContactoComo(["CLIENTE"], "propio", formData);
