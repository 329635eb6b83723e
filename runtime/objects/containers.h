/* containers.h - private helpers shared by the container types (tuple, list, dict,
 * set, range, slice, the iterator objects) and builtins.c. Not part of the public C
 * API: nothing outside runtime/objects/ and runtime/builtins.c includes it. */
#ifndef KR_CONTAINERS_H
#define KR_CONTAINERS_H

#include "krait.h"

/* CPython's xxHash-derived constants for tuple (and slice) hashing. */
#define KR_XXPRIME_1 11400714785074694791ULL
#define KR_XXPRIME_2 14029467366897019727ULL
#define KR_XXPRIME_5 2870177450012600261ULL
#define KR_XXROTATE(x) (((x) << 31) | ((x) >> 33))

/* Hash of a sequence of objects with the tuple algorithm (tuple.c). */
kr_hash kr_tuple_hash_items(KrObject *const *items, kr_ssize n);

/* types.GenericAlias(origin, args) when the types module provides it; otherwise
 * `origin` itself (abstract_seq.c). */
KrObject *kr_generic_alias(KrObject *origin, KrObject *args);

/* Iterating helpers: calls the callable-free __length_hint__ protocol (abstract_seq.c). */
kr_ssize kr_object_length_hint(KrObject *o, kr_ssize deflt);

/* Slices whose bounds are arbitrary ints (slice.c): new refs to start/stop/step
 * clamped for a sequence of `length` (an int). */
int kr_slice_long_indices(KrObject *slice, KrObject *length, KrObject **start, KrObject **stop,
                          KrObject **step);
/* Converts a slice bound (None allowed) to kr_ssize, clamping huge values. */
int kr_slice_index_clamp(KrObject *v, kr_ssize *out);
kr_ssize kr_slice_adjust_indices(kr_ssize length, kr_ssize *start, kr_ssize *stop, kr_ssize step);

/* Dict internals used by dict_views.c and set.c. */
int kr_dict_next_hash(KrObject *d, kr_ssize *pos, KrObject **key, KrObject **value, kr_hash *hash);
int kr_dict_contains_known_hash(KrObject *d, KrObject *key, kr_hash hash);
KrObject *kr_dict_iter_new(KrObject *d, KrType *itertype, int reversed); /* dict_views.c */
KrObject *kr_dict_view_new(KrObject *d, KrType *viewtype);               /* dict_views.c */
kr_ssize kr_dict_nentries(KrObject *d); /* slots of the dense entry array in use */
/* Entry i of the dense array: 1 with borrowed key/value, 0 if it is a deleted hole. */
int kr_dict_entry_at(KrObject *d, kr_ssize i, KrObject **key, KrObject **value);
int kr_dict_set_item_known_hash(KrObject *d, KrObject *key, KrObject *value, kr_hash hash);

/* Set internals used by dict_views.c. */
int kr_set_add_known_hash(KrObject *set, KrObject *key, kr_hash hash);
KrObject *kr_set_richcompare_generic(KrObject *v, KrObject *w, int op);

/* Lists: raw append without error checks on capacity growth failure. */
KrObject *kr_list_from_array(KrObject *const *items, kr_ssize n); /* increfs */

/* Calls a type the generic way (tp_new, then tp_init) from vectorcall arguments; used by
 * the vectorcall fast paths of container types when called through a subclass. */
KrObject *kr_object_call_type_generic(KrType *t, KrObject *const *args, kr_ssize nargs,
                                      KrObject *kwnames); /* abstract_seq.c */
/* The reverse: runs a vectorcall-style constructor from tp_new's (args, kwargs). */
typedef KrObject *(*kr_typed_vectorcall)(KrType *type, KrObject *const *args, kr_ssize nargs,
                                         KrObject *kwnames);
KrObject *kr_object_new_via_vector(kr_typed_vectorcall f, KrType *type, KrObject *args,
                                   KrObject *kwargs); /* abstract_seq.c */
/* PySequence_Check: has item access by index and is not a dict (abstract_seq.c). */
bool kr_object_sequence_check(KrObject *o);
/* o[i] for an already normalised index i >= 0 (abstract_seq.c). */
KrObject *kr_object_seq_get_item(KrObject *o, kr_ssize i);

#endif /* KR_CONTAINERS_H */
