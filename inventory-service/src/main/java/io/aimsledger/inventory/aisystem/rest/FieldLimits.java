package io.aimsledger.inventory.aisystem.rest;

/** Upper bounds on what a client may store in one field: generous for people, tight for abuse. */
final class FieldLimits {
    static final int NAME = 200;
    static final int TEXT = 4000;
    static final int REFERENCE = 500;
    static final int LIST = 100;

    private FieldLimits() {
    }
}
