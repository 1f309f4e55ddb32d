/* Intentionally empty: the real library comes from the system (see meson.build). */
