// Package roles finds the titles and functions news attributes to people
// ("Sergei Shoigu, Secretary of Russia’s National Security Council and
// former Defense Minister", "Taliban spokesman Zabihullah Mujahid", "the
// country’s National Security Advisor") and attaches them, normalised and
// with their byte spans, to the entities produced by package resolve.
//
// It is a pure stage: text, sentence spans and entities in, entities with
// Roles out.
package roles
