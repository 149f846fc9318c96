package io.aimsledger.support.web;

/** Upper bounds on what a client may store in one field: generous for people, tight for abuse. */
public final class FieldLimits {
    public static final int NAME = 200;
    public static final int TEXT = 4000;
    public static final int REFERENCE = 500;
    public static final int LIST = 100;

    private FieldLimits() {
    }
}
